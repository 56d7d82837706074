package io.txrx.client;

import java.net.URI;
import java.util.List;

/** The gateway sockets a client may use, in turn: a failure moves on to the next one. */
final class Gateways {

    private final List<URI> uris;
    private int index;

    Gateways(List<URI> uris) {
        if (uris.isEmpty()) {
            throw new IllegalArgumentException("a client needs at least one gateway URI");
        }
        this.uris = List.copyOf(uris);
    }

    synchronized URI current() {
        return uris.get(index);
    }

    synchronized URI advance() {
        index = (index + 1) % uris.size();
        return uris.get(index);
    }

    List<URI> all() {
        return uris;
    }
}
