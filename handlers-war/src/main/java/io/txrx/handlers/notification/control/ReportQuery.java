package io.txrx.handlers.notification.control;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * A report's filter and page: {@code {topic?, userId?, from?, to?, page?, size?}}, newest first, {@code from}
 * inclusive and {@code to} exclusive (ISO-8601 instants), {@code page} from 0, {@code size} 1 to
 * {@link #MAX_SIZE} (default {@link #DEFAULT_SIZE}).
 */
public record ReportQuery(String topic, Long userId, Instant from, Instant to, int page, int size) {
    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** Parses the params (null for none); every violation at once as a -32602. */
    public static ReportQuery parse(JsonValue params) {
        JsonObject object = params instanceof JsonObject o ? o : JsonValue.EMPTY_JSON_OBJECT;
        Violations violations = new Violations();
        if (params != null && params != JsonValue.NULL && !(params instanceof JsonObject)) {
            violations.add("params", "must be an object {topic?, userId?, from?, to?, page?, size?}");
        }
        String topic = string(object, "topic", violations);
        Instant from = instant(object, "from", violations);
        Instant to = instant(object, "to", violations);
        if (from != null && to != null && !from.isBefore(to)) {
            violations.add("to", "must be after from");
        }
        Long userId = integer(object, "userId", 1, Long.MAX_VALUE, null, violations);
        Long page = integer(object, "page", 0, 1_000_000, 0L, violations);
        Long size = integer(object, "size", 1, MAX_SIZE, (long) DEFAULT_SIZE, violations);
        violations.throwIfAny();
        return new ReportQuery(topic, userId, from, to, page.intValue(), size.intValue());
    }

    /** The first row of the page. */
    public int offset() {
        return page * size;
    }

    /** Whether only a topic or only a user is asked for, with no time range: what the recent cache holds. */
    public boolean recentOnly() {
        return from == null && to == null && (topic == null) != (userId == null);
    }

    private static String string(JsonObject object, String field, Violations violations) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString s && !s.getString().isBlank()) {
            return s.getString();
        }
        violations.add(field, "must be a non-blank string");
        return null;
    }

    private static Instant instant(JsonObject object, String field, Violations violations) {
        String text = string(object, field, violations);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            violations.add(field, "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z");
            return null;
        }
    }

    private static Long integer(
            JsonObject object, String field, long min, long max, Long absent, Violations violations) {
        JsonValue value = object.get(field);
        if (value == null || value == JsonValue.NULL) {
            return absent;
        }
        long parsed;
        if (value instanceof JsonNumber number && number.isIntegral()) {
            parsed = number.longValue();
        } else if (value instanceof JsonString s && s.getString().matches("\\d{1,18}")) {
            parsed = Long.parseLong(s.getString()); // query parameters arrive as text
        } else {
            violations.add(field, "must be an integer from " + min + " to " + max);
            return absent;
        }
        if (parsed < min || parsed > max) {
            violations.add(field, "must be an integer from " + min + " to " + max);
            return absent;
        }
        return parsed;
    }
}
