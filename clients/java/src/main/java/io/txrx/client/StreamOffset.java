package io.txrx.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel offset: a Redis stream id {@code <milliseconds>-<sequence>} (both unsigned 64-bit). {@code $} and
 * empty are not offsets; {@code 0} is {@code 0-0}.
 */
record StreamOffset(long millis, long sequence) implements Comparable<StreamOffset> {

    private static final Pattern ID = Pattern.compile("(\\d{1,20})(?:-(\\d{1,20}))?");

    static boolean isValid(String text) {
        return text != null && ID.matcher(text).matches();
    }

    static StreamOffset parse(String text) {
        Matcher match = text == null ? null : ID.matcher(text);
        if (match == null || !match.matches()) {
            throw new IllegalArgumentException("not a stream offset: " + text);
        }
        String sequence = match.group(2);
        return new StreamOffset(
                Long.parseUnsignedLong(match.group(1)), sequence == null ? 0 : Long.parseUnsignedLong(sequence));
    }

    @Override
    public int compareTo(StreamOffset other) {
        int byMillis = Long.compareUnsigned(millis, other.millis);
        return byMillis != 0 ? byMillis : Long.compareUnsigned(sequence, other.sequence);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(millis) + "-" + Long.toUnsignedString(sequence);
    }
}
