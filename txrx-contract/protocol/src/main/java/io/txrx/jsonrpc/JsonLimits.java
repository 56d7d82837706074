package io.txrx.jsonrpc;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * What {@link FrameParser} checks beyond the JSON reader, so that no reader's own limit or leniency decides a
 * frame: nesting depth, text after the value (which the reader ignores), lone surrogates.
 */
final class JsonLimits {
    /** The deepest nesting of arrays and objects a frame may have (below the JSON reader's own limit, Parsson's 1000). */
    static final int MAX_DEPTH = 512;

    /** What a scan of a JSON text found that the reader would not report clearly. */
    enum Finding {
        NONE,
        TOO_DEEP,
        TRAILING_TEXT
    }

    /**
     * Scans a text once, skipping strings: whether its arrays and objects nest deeper than {@link #MAX_DEPTH},
     * or text follows its first value. Exact only for valid JSON; the reader judges the rest.
     */
    static Finding scan(String text) {
        int depth = 0;
        int i = skipWhitespace(text, 0);
        if (i == text.length()) {
            return Finding.NONE;
        }
        char first = text.charAt(i);
        if (first != '[' && first != '{' && first != '"') {
            while (i < text.length() && !isWhitespace(text.charAt(i))) {
                i++;
            }
            return skipWhitespace(text, i) < text.length() ? Finding.TRAILING_TEXT : Finding.NONE;
        }
        boolean inString = false;
        for (; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                    if (depth == 0) {
                        break;
                    }
                }
            } else if (c == '"') {
                inString = true;
            } else if (c == '[' || c == '{') {
                if (++depth > MAX_DEPTH) {
                    return Finding.TOO_DEEP;
                }
            } else if ((c == ']' || c == '}') && --depth <= 0) {
                break;
            }
        }
        return skipWhitespace(text, i + 1) < text.length() ? Finding.TRAILING_TEXT : Finding.NONE;
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /** JSON's four whitespace characters (RFC 8259 section 2). */
    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Whether a string or member name anywhere in the value holds a surrogate without its pair. */
    static boolean hasLoneSurrogate(JsonValue root) {
        Deque<JsonValue> open = new ArrayDeque<>();
        open.push(root);
        while (!open.isEmpty()) {
            JsonValue value = open.pop();
            if (value instanceof JsonString string && lonely(string.getString())) {
                return true;
            } else if (value instanceof JsonArray array) {
                array.forEach(open::push);
            } else if (value instanceof JsonObject object) {
                for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                    if (lonely(member.getKey())) {
                        return true;
                    }
                    open.push(member.getValue());
                }
            }
        }
        return false;
    }

    private static boolean lonely(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                } else {
                    return true;
                }
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
