package io.txrx.gateway.channel.control;

import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamInfo;

/**
 * What a channel's stream still holds, from XINFO STREAM: whether it exists, its oldest entry, the last id
 * it ever gave out, and (Redis 7 and later, from {@code entries-added}) whether anything was ever trimmed.
 *
 * @param first the oldest retained entry, or {@code null} when none is
 * @param last the last id ever added ({@code 0-0} when none)
 * @param trimmed whether entries were removed; {@code null} when Redis does not say (before 7.0)
 */
public record RetainedRange(boolean exists, StreamEntryID first, StreamEntryID last, Boolean trimmed) {
    private static final StreamEntryID START = new StreamEntryID(0, 0);

    /** A channel nobody has published to (or whose stream was deleted). */
    public static final RetainedRange NONE = new RetainedRange(false, null, START, false);

    public static RetainedRange of(StreamInfo info) {
        Object added = info.getStreamInfo().get("entries-added");
        Boolean trimmed = added instanceof Long count ? count > info.getLength() : null;
        return new RetainedRange(
                true,
                info.getFirstEntry() == null ? null : info.getFirstEntry().getID(),
                info.getLastGeneratedId(),
                trimmed);
    }

    /**
     * Whether messages after {@code after} may be gone (trimmed by retention or deleted), so a replay from it
     * cannot be complete. Conservative: when Redis cannot say which entries were trimmed, an offset older
     * than the oldest retained one counts as truncated.
     */
    public boolean truncatedAfter(StreamEntryID after) {
        if (!exists) {
            return after.compareTo(START) > 0;
        }
        if (first == null) {
            return after.compareTo(last) < 0;
        }
        if (after.compareTo(first) >= 0) {
            return false;
        }
        return trimmed != null ? trimmed : after.compareTo(START) > 0;
    }
}
