package io.txrx.jsonrpc;

import java.util.List;

/**
 * A parsed WebSocket text frame: a single request or a batch, each entry either a valid {@link Call} or a
 * {@link Rejection}.
 *
 * @param batch whether the client sent an array (its replies then go back as one array)
 * @param entries the calls and rejections in the order the client sent them
 */
public record Frame(boolean batch, List<Object> entries) {

    public static Frame single(Object entry) {
        return new Frame(false, List.of(entry));
    }

    public List<Call> calls() {
        return entries.stream()
                .filter(Call.class::isInstance)
                .map(Call.class::cast)
                .toList();
    }

    public List<Rejection> rejections() {
        return entries.stream()
                .filter(Rejection.class::isInstance)
                .map(Rejection.class::cast)
                .toList();
    }
}
