package io.txrx.gateway.control;

import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the responses to one batch; the client gets them as one array once every call that expects a
 * response has one (JSON-RPC 2.0 section 6; order is free).
 */
public final class BatchReply {
    private final List<String> responses = new ArrayList<>();
    private int expected;

    public BatchReply(int expected) {
        this.expected = expected;
    }

    /** Adds a response; answers the whole array text when it was the last one, else {@code null}. */
    public synchronized String add(String response) {
        responses.add(response);
        if (responses.size() < expected) {
            return null;
        }
        return "[" + String.join(",", responses) + "]";
    }

    /** Counts one expected response fewer (its call was dropped); answers the array if now complete. */
    public synchronized String forget() {
        expected--;
        return !responses.isEmpty() && responses.size() >= expected ? "[" + String.join(",", responses) + "]" : null;
    }
}
