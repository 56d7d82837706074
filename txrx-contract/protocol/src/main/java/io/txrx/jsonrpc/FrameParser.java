package io.txrx.jsonrpc;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Validates a text frame against JSON-RPC 2.0 (section 4, 5 and 6 of the specification). Every text gets a
 * frame: what the JSON reader refuses, what it would read leniently (text after the value), what is nested
 * deeper than {@value JsonLimits#MAX_DEPTH} levels, and what is not interoperable JSON (RFC 7493: duplicate
 * member names, lone surrogates), is one parse error with a null id.
 */
public final class FrameParser {
    /** Duplicate member names are refused, so the gateway and the handler cannot read different calls. */
    private static final JsonReaderFactory STRICT =
            JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private static final JsonReaderFactory LENIENT =
            JSON.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.LAST));

    private FrameParser() {}

    public static Frame parse(String text) {
        switch (JsonLimits.scan(text)) {
            case TOO_DEEP -> {
                return parseError("nested deeper than " + JsonLimits.MAX_DEPTH + " levels");
            }
            case TRAILING_TEXT -> {
                return parseError("text after the JSON value");
            }
            case NONE -> {}
        }
        JsonValue root;
        try {
            root = read(STRICT, text);
        } catch (JsonException e) {
            return parseError(readsWithDuplicates(text) ? "duplicate member name" : "invalid JSON");
        } catch (RuntimeException e) {
            // the reader's own limits, which it reports as plain runtime exceptions (Parsson: a number of more
            // than 1100 characters; nesting deeper than 1000 levels, which the scan has already refused)
            return parseError("a number too long to read");
        }
        if (text.contains("\\u") && JsonLimits.hasLoneSurrogate(root)) {
            return parseError("a \\u escape leaves a lone surrogate");
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

    private static JsonValue read(JsonReaderFactory factory, String text) {
        try (JsonReader reader = factory.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static boolean readsWithDuplicates(String text) {
        try {
            read(LENIENT, text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static Frame parseError(String why) {
        return Frame.single(new Rejection(JsonValue.NULL, ErrorCode.PARSE_ERROR, "Parse error: " + why));
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
        String traceparent = request.get("traceparent") instanceof JsonString context ? context.getString() : null;
        return new Call(id, method.getString(), params, json, traceparent);
    }

    private static Rejection invalid(JsonValue id, String why) {
        return new Rejection(id, ErrorCode.INVALID_REQUEST, "Invalid Request: " + why);
    }
}
