package io.txrx.jsonrpc;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/** Writes JSON-RPC 2.0 responses and notifications as text. */
public final class Replies {

    private static final String ID_PREFIX = "{\"jsonrpc\":\"2.0\",\"id\":";
    private static final String RESULT = ",\"result\":";
    private static final String ERROR_CODE = ",\"error\":{\"code\":";

    private Replies() {}

    public static String result(JsonValue id, JsonValue result) {
        return result(id, result.toString());
    }

    /** A result reply around a result already written as JSON text. */
    public static String result(JsonValue id, String resultJson) {
        return ID_PREFIX + idText(id) + RESULT + resultJson + "}";
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

    /**
     * The error code of a single reply written by {@link #error} or {@link #result} for the call with id
     * {@code idText} (the id as JSON text), or 0 for a result: read at its known place, without parsing or
     * allocating. A reply of another shape is parsed.
     */
    public static int errorCode(String reply, String idText) {
        int at = ID_PREFIX.length() + idText.length();
        if (reply.startsWith(ID_PREFIX) && reply.startsWith(idText, ID_PREFIX.length())) {
            if (reply.startsWith(RESULT, at)) {
                return 0;
            }
            if (reply.startsWith(ERROR_CODE, at)) {
                return readInt(reply, at + ERROR_CODE.length());
            }
        }
        return parsedErrorCode(reply);
    }

    private static int readInt(String text, int from) {
        boolean negative = from < text.length() && text.charAt(from) == '-';
        int value = 0;
        for (int i = negative ? from + 1 : from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                break;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    private static int parsedErrorCode(String reply) {
        try (var reader = JSON.createReader(new StringReader(reply))) {
            JsonValue value = reader.readValue();
            if (value.getValueType() == JsonValue.ValueType.OBJECT
                    && value.asJsonObject().get("error") instanceof JsonObject error
                    && error.get("code") instanceof JsonNumber code) {
                return code.intValue();
            }
            return 0;
        } catch (RuntimeException notJson) {
            return ErrorCode.INTERNAL_ERROR;
        }
    }

    private static String idText(JsonValue id) {
        return id == null ? "null" : id.toString();
    }
}
