package io.txrx.channel;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fields of a channel's stream entry, from what a publisher gives: either {@code data} (any JSON, stored
 * as JSON text in the field {@code data}) or key/value pairs (the Redistribute form, stored as they are, with
 * strings kept as text and any other JSON value written as JSON).
 */
public final class ChannelFields {
    /** The field holding the JSON of a message published as {@code data}. */
    public static final String DATA = "data";

    private ChannelFields() {}

    public static Map<String, String> ofData(JsonValue data) {
        return Map.of(DATA, data.toString());
    }

    /**
     * The fields of {@code [k1, v1, k2, v2, ...]}; throws a -32602 {@link JsonRpcException} for an empty or
     * odd list, a key that is not a non-empty string, or a key given twice.
     */
    public static Map<String, String> ofPairs(JsonArray pairs) {
        if (pairs.isEmpty() || pairs.size() % 2 != 0) {
            throw invalid("fields must be a non-empty list of key/value pairs [k1, v1, k2, v2, ...], got "
                    + pairs.size() + " value(s)");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < pairs.size(); i += 2) {
            if (!(pairs.get(i) instanceof JsonString key) || key.getString().isEmpty()) {
                throw invalid("fields[" + i + "] must be a non-empty string key");
            }
            if (fields.put(key.getString(), text(pairs.get(i + 1))) != null) {
                throw invalid("fields has the key " + key + " twice");
            }
        }
        return fields;
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString string ? string.getString() : value.toString();
    }

    private static JsonRpcException invalid(String message) {
        return new JsonRpcException(ErrorCode.INVALID_PARAMS, message);
    }
}
