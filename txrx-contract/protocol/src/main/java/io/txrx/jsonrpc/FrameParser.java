package io.txrx.jsonrpc;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

/** Validates a text frame against JSON-RPC 2.0 (section 4, 5 and 6 of the specification). */
public final class FrameParser {

    private FrameParser() {}

    public static Frame parse(String text) {
        JsonValue root;
        try (JsonReader reader = JSON.createReader(new StringReader(text))) {
            root = reader.readValue();
        } catch (JsonException e) {
            return Frame.single(new Rejection(JsonValue.NULL, ErrorCode.PARSE_ERROR, "Parse error: invalid JSON"));
        }
        if (root instanceof JsonArray batch) {
            if (batch.isEmpty()) {
                return Frame.single(
                        new Rejection(JsonValue.NULL, ErrorCode.INVALID_REQUEST, "Invalid Request: empty batch"));
            }
            List<FrameEntry> entries = new ArrayList<>(batch.size());
            for (JsonValue element : batch) {
                entries.add(entry(element, null));
            }
            return new Frame(true, entries);
        }
        return Frame.single(entry(root, text));
    }

    private static FrameEntry entry(JsonValue value, String originalText) {
        if (!(value instanceof JsonObject request)) {
            return new Rejection(JsonValue.NULL, ErrorCode.INVALID_REQUEST, "Invalid Request: expected an object");
        }
        JsonValue id = request.get("id");
        boolean idValid = id == null
                || switch (id.getValueType()) {
                    case STRING, NUMBER, NULL -> true;
                    default -> false;
                };
        JsonValue replyId = idValid && id != null ? id : JsonValue.NULL;
        if (!idValid) {
            return invalid(replyId, "id must be a string, a number or null");
        }
        if (!(request.get("jsonrpc") instanceof JsonString version) || !"2.0".equals(version.getString())) {
            return invalid(replyId, "jsonrpc must be exactly \"2.0\"");
        }
        if (!(request.get("method") instanceof JsonString method)
                || method.getString().isEmpty()) {
            return invalid(replyId, "method must be a non-empty string");
        }
        JsonValue params = request.get("params");
        if (params != null && !(params instanceof JsonStructure)) {
            return invalid(replyId, "params must be an object or an array");
        }
        String json = originalText != null ? originalText : request.toString();
        return new Call(id, method.getString(), params, json);
    }

    private static Rejection invalid(JsonValue id, String why) {
        return new Rejection(id, ErrorCode.INVALID_REQUEST, "Invalid Request: " + why);
    }
}
