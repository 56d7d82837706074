package io.txrx.peer;

import java.util.Locale;

/** The parts of txrx a process can run. */
public enum Role {
    GATEWAY,
    DISPATCHER,
    RPC;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
