package io.txrx.client;

import jakarta.json.JsonValue;

/**
 * Why a call failed: the server's JSON-RPC error ({@link Kind#REPLY}: its code, message and data), or what the
 * client saw itself (no reply in time, the socket lost with the call in flight, the client closed).
 */
public class RpcError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Where the failure comes from. */
    public enum Kind {
        REPLY,
        TIMEOUT,
        DISCONNECTED,
        CLOSED
    }

    private final Kind kind;
    private final int code;
    private final transient JsonValue data;
    private final String method;

    RpcError(Kind kind, int code, String message, JsonValue data, String method) {
        super(message);
        this.kind = kind;
        this.code = code;
        this.data = data;
        this.method = method;
    }

    /** The server answered {@code method} with an error object. */
    public static RpcError reply(String method, int code, String message, JsonValue data) {
        return new RpcError(Kind.REPLY, code, message, data, method);
    }

    /** A failure the client saw itself; its {@link #code()} is 0. */
    static RpcError local(Kind kind, String method, String message) {
        return new RpcError(kind, 0, method + ": " + message, null, method);
    }

    public Kind kind() {
        return kind;
    }

    /** The JSON-RPC error code (-32601 method not found, -32001 unauthorized, ...); 0 for a local failure. */
    public int code() {
        return code;
    }

    /** The error's {@code data}, or {@code null} when it had none. */
    public JsonValue data() {
        return data;
    }

    /** The method of the call that failed. */
    public String method() {
        return method;
    }

    @Override
    public String toString() {
        return kind == Kind.REPLY
                ? "RpcError " + code + " " + getMessage() + (data == null ? "" : " " + data)
                : "RpcError " + kind + " " + getMessage();
    }
}
