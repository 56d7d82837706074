package io.txrx.handlers.notification.control;

import io.txrx.channel.NotificationChannels;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Set;

/**
 * The checks of a notification to publish, {@code {topic, userId?, title, body, data?}} (and the {@code auth}
 * the gateway adds): every violation at once, as a -32602 with {@code [{field, message}]} in its data.
 */
public final class NotificationInput {
    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 4000;
    public static final int MAX_DATA_CHARS = 16_384;
    private static final Set<String> KNOWN = Set.of("topic", "userId", "title", "body", "data", "auth");

    /** A valid notification, not stored yet ({@code userId} and {@code data} may be null). */
    public record Draft(String topic, Long userId, String title, String body, JsonValue data) {}

    private NotificationInput() {}

    public static Draft parse(JsonValue params) {
        Violations violations = new Violations();
        if (!(params instanceof JsonObject object)) {
            violations.add("params", "must be an object {topic, userId?, title, body, data?}");
            violations.throwIfAny();
            throw new AssertionError();
        }
        object.keySet().stream()
                .filter(key -> !KNOWN.contains(key))
                .sorted()
                .forEach(key -> violations.add(key, "unknown field"));
        String topic = text(object, "topic", 100, violations);
        if (topic != null && !NotificationChannels.isTopic(topic)) {
            violations.add("topic", "1 to 100 of letters, digits, _ . : or -, starting with a letter or digit");
        }
        String title = text(object, "title", MAX_TITLE, violations);
        String body = text(object, "body", MAX_BODY, violations);
        Long userId = userId(object.get("userId"), violations);
        JsonValue data = object.get("data");
        if (data != null && data.toString().length() > MAX_DATA_CHARS) {
            violations.add("data", "at most " + MAX_DATA_CHARS + " characters of JSON");
        }
        violations.throwIfAny();
        return new Draft(topic, userId, title, body, data == null || data == JsonValue.NULL ? null : data);
    }

    private static String text(JsonObject object, String field, int max, Violations violations) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            violations.add(field, "must not be blank");
            return null;
        }
        if (!(value instanceof JsonString string)) {
            violations.add(field, "must be a string");
            return null;
        }
        String text = string.getString();
        if (text.isBlank()) {
            violations.add(field, "must not be blank");
        } else if (text.length() > max) {
            violations.add(field, "size must be between 1 and " + max);
        }
        return text;
    }

    private static Long userId(JsonValue value, Violations violations) {
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonNumber number && number.isIntegral() && number.longValue() > 0) {
            return number.longValue();
        }
        violations.add("userId", "must be a positive integer");
        return null;
    }
}
