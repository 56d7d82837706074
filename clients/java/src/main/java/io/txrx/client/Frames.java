package io.txrx.client;

import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;

/** JSON-RPC 2.0 frames: the calls and notifications a client sends, the messages it reads. */
final class Frames {

    private Frames() {}

    /** {@code {"jsonrpc":"2.0","id":id,"method":...,"params":...}}; no {@code params} when {@code null}. */
    static String call(long id, String method, JsonValue params) {
        return message(method, params).add("id", id).build().toString();
    }

    static String notification(String method, JsonValue params) {
        return message(method, params).build().toString();
    }

    /**
     * The messages of a frame: one, or each of a batch.
     *
     * @throws jakarta.json.JsonException if the text is not JSON
     */
    static List<JsonValue> read(String text) {
        JsonStructure structure;
        try (var reader = Json.createReader(new StringReader(text))) {
            structure = reader.read();
        }
        return structure.getValueType() == JsonValue.ValueType.ARRAY
                ? List.copyOf(structure.asJsonArray())
                : List.of(structure);
    }

    private static JsonObjectBuilder message(String method, JsonValue params) {
        if (method == null || method.isEmpty()) {
            throw new IllegalArgumentException("method must not be empty");
        }
        JsonObjectBuilder builder =
                Json.createObjectBuilder().add("jsonrpc", "2.0").add("method", method);
        if (params != null) {
            builder.add("params", params);
        }
        return builder;
    }
}
