package io.txrx.handlers.chat.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.handlers.chat.entity.MessageId;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * The params of the {@code chat.*} methods and the limits on them; anything wrong is -32602 with
 * {@code data: [{field, message}]}, as Bean Validation failures are.
 */
public final class ChatParams {
    /** The page size of {@code chat.history} when the call gives none (or less, when the largest is less). */
    static final int DEFAULT_LIMIT = 50;

    /** A user named by the client: {@code username} or {@code id}, exactly one set. */
    public record UserRef(String username, Long id, String given) {}

    public record Send(UserRef to, String text) {}

    public record History(UserRef peer, MessageId before, int limit) {}

    public record Read(UserRef peer, MessageId upTo) {}

    private ChatParams() {}

    public static Send send(JsonValue params, int maxTextLength) {
        JsonObject object = object(params, "{to, text}");
        return new Send(user(object, "to"), text(object.get("text"), maxTextLength));
    }

    public static History history(JsonValue params, int maxLimit) {
        JsonObject object = object(params, "{peer, before?, limit?}");
        JsonValue before = object.get("before");
        MessageId from = isAbsent(before) ? MessageId.NEWEST : id(before, "before");
        JsonValue limit = object.get("limit");
        int size = Math.min(DEFAULT_LIMIT, maxLimit);
        if (!isAbsent(limit)) {
            if (!(limit instanceof JsonNumber number) || !number.isIntegral()) {
                throw invalid("limit", "must be a whole number");
            }
            if (number.longValue() < 1 || number.longValue() > maxLimit) {
                throw invalid("limit", "must be between 1 and " + maxLimit);
            }
            size = number.intValue();
        }
        return new History(user(object, "peer"), from, size);
    }

    public static Read read(JsonValue params) {
        JsonObject object = object(params, "{peer, upTo}");
        return new Read(user(object, "peer"), id(object.get("upTo"), "upTo"));
    }

    /** The text of a message: present, not blank, at most {@code max} characters (code points). */
    static String text(JsonValue value, int max) {
        String text = string(value, "text");
        if (text.isBlank()) {
            throw invalid("text", "must not be blank");
        }
        if (text.codePointCount(0, text.length()) > max) {
            throw invalid("text", "must be at most " + max + " characters");
        }
        return text;
    }

    /** A username (a string), or a user id (a number, or a string of digits that is no username). */
    static UserRef user(JsonObject object, String field) {
        JsonValue value = object.get(field);
        if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() > 0) {
            return new UserRef(null, number.longValue(), number.toString());
        }
        if (value instanceof JsonString name && !name.getString().isBlank()) {
            return new UserRef(name.getString().trim(), null, name.getString());
        }
        throw invalid(field, "must be a username or a user id");
    }

    public static JsonRpcException invalid(String field, String message) {
        return new JsonRpcException(
                ErrorCode.INVALID_PARAMS,
                "Invalid params: " + field + " " + message,
                JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder().add("field", field).add("message", message))
                        .build());
    }

    private static MessageId id(JsonValue value, String field) {
        try {
            return MessageId.parse(string(value, field));
        } catch (IllegalArgumentException e) {
            throw invalid(field, "must be a message id such as 1718-0");
        }
    }

    private static String string(JsonValue value, String field) {
        if (!(value instanceof JsonString string)) {
            throw invalid(field, isAbsent(value) ? "is required" : "must be a string");
        }
        return string.getString();
    }

    private static boolean isAbsent(JsonValue value) {
        return value == null || value.getValueType() == JsonValue.ValueType.NULL;
    }

    private static JsonObject object(JsonValue params, String shape) {
        if (!(params instanceof JsonObject object)) {
            throw new JsonRpcException(ErrorCode.INVALID_PARAMS, "Invalid params: params must be " + shape);
        }
        return object;
    }
}
