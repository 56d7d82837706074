package io.txrx.jsonrpc;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import jakarta.json.JsonValue;

/** Writes JSON-RPC 2.0 responses and notifications as text. */
public final class Replies {

    private Replies() {}

    public static String result(JsonValue id, JsonValue result) {
        return result(id, result.toString());
    }

    /** A result reply around a result already written as JSON text. */
    public static String result(JsonValue id, String resultJson) {
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idText(id) + ",\"result\":" + resultJson + "}";
    }

    public static String error(JsonValue id, int code, String message, JsonValue data) {
        StringBuilder reply = new StringBuilder(96)
                .append("{\"jsonrpc\":\"2.0\",\"id\":")
                .append(idText(id))
                .append(",\"error\":{\"code\":")
                .append(code)
                .append(",\"message\":")
                .append(JSON.createValue(message));
        if (data != null) {
            reply.append(",\"data\":").append(data);
        }
        return reply.append("}}").toString();
    }

    /** The -32006 a call gets while Redis cannot be reached: it was not sent, and may be sent again. */
    public static String busUnavailable(JsonValue id) {
        return error(
                id,
                ErrorCode.BUS_UNAVAILABLE,
                "Message bus unavailable: Redis cannot be reached, try again shortly",
                null);
    }

    public static String notification(String method, JsonValue params) {
        return "{\"jsonrpc\":\"2.0\",\"method\":" + JSON.createValue(method) + ",\"params\":" + params + "}";
    }

    private static String idText(JsonValue id) {
        return id == null ? "null" : id.toString();
    }
}
