package io.txrx.jsonrpc;

import jakarta.json.JsonValue;

/** A frame entry the gateway answers itself, without a trip through Redis. */
public record Rejection(JsonValue id, int code, String message) implements FrameEntry {

    public String reply() {
        return Replies.error(id, code, message, null);
    }
}
