package io.txrx.jsonrpc;

import jakarta.json.JsonValue;

/** A failure that reaches the client as a JSON-RPC error object. */
public class JsonRpcException extends RuntimeException {
    private final int code;
    private final JsonValue data;

    public JsonRpcException(int code, String message) {
        this(code, message, null);
    }

    public JsonRpcException(int code, String message, JsonValue data) {
        super(message);
        this.code = code;
        this.data = data;
    }

    public int code() {
        return code;
    }

    /** Extra detail for the client, or {@code null}. */
    public JsonValue data() {
        return data;
    }
}
