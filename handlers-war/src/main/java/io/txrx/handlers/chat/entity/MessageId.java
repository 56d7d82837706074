package io.txrx.handlers.chat.entity;

import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A chat message's id: the id Redis gave its entry in the chat stream ({@code <ms>-<seq>}), so ids are unique
 * and grow in the order messages were sent, across every rpc instance; the keyset of every page.
 */
public record MessageId(long ms, long seq) implements Comparable<MessageId> {
    private static final Pattern FORM = Pattern.compile("(\\d{1,19})-(\\d{1,19})");

    /** Newer than every message: the {@code before} of the first page. */
    public static final MessageId NEWEST = new MessageId(Long.MAX_VALUE, Long.MAX_VALUE);

    /** Older than every message: the read mark of a conversation never read. */
    public static final MessageId OLDEST = new MessageId(0, 0);

    /** Reads an id; {@link IllegalArgumentException} when the text is not one. */
    public static MessageId parse(String text) {
        Matcher matcher = text == null ? null : FORM.matcher(text);
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException("not a message id such as 1718-0: " + text);
        }
        try {
            return new MessageId(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("message id out of range: " + text, e);
        }
    }

    /** When the message was sent. */
    public Instant at() {
        return Instant.ofEpochMilli(ms);
    }

    @Override
    public int compareTo(MessageId other) {
        int byMs = Long.compare(ms, other.ms);
        return byMs != 0 ? byMs : Long.compare(seq, other.seq);
    }

    public boolean before(MessageId other) {
        return compareTo(other) < 0;
    }

    @Override
    public String toString() {
        return ms + "-" + seq;
    }
}
