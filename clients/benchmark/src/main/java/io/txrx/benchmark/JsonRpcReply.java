package io.txrx.benchmark;

/**
 * What the benchmark needs from a received frame: the top-level numeric {@code id} and whether
 * it has an {@code error} member. A small scanner, not a JSON parser: it tracks strings and
 * nesting so that an {@code "id"} inside {@code result} or {@code params} is not mistaken for
 * the reply's own.
 *
 * @param id the reply's numeric id, or {@link #NO_ID} for notifications, batches,
 *           {@code "id":null} and frames it cannot read
 * @param error true when the top-level object has an {@code error} member
 */
record JsonRpcReply(long id, boolean error) {

    static final long NO_ID = Long.MIN_VALUE;

    boolean hasId() {
        return id != NO_ID;
    }

    static JsonRpcReply parse(String frame) {
        long id = NO_ID;
        boolean error = false;
        int depth = 0;
        int i = 0;
        int length = frame.length();
        while (i < length) {
            char c = frame.charAt(i);
            if (c == '"') {
                int end = endOfString(frame, i);
                if (end < 0) {
                    break;
                }
                int colon = skipWhitespace(frame, end + 1);
                boolean topLevelKey = depth == 1 && colon < length && frame.charAt(colon) == ':';
                if (topLevelKey && frame.regionMatches(i, "\"id\"", 0, end - i + 1)) {
                    id = number(frame, skipWhitespace(frame, colon + 1));
                } else if (topLevelKey && frame.regionMatches(i, "\"error\"", 0, end - i + 1)) {
                    error = true;
                }
                i = end + 1;
                continue;
            }
            if (c == '{' || c == '[') {
                if (depth == 0 && c == '[') {
                    break;
                }
                depth++;
            } else if (c == '}' || c == ']') {
                depth--;
            }
            i++;
        }
        return new JsonRpcReply(id, error);
    }

    /** Index of the quote closing the string that opens at {@code start}, or -1. */
    private static int endOfString(String text, int start) {
        for (int i = start + 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == '"') {
                return i;
            }
        }
        return -1;
    }

    private static int skipWhitespace(String text, int from) {
        int i = from;
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static long number(String text, int from) {
        int i = from;
        if (i < text.length() && text.charAt(i) == '-') {
            i++;
        }
        int digitsStart = i;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && i - digitsStart < 18) {
            i++;
        }
        if (i == digitsStart) {
            return NO_ID;
        }
        return Long.parseLong(text, from, i, 10);
    }
}
