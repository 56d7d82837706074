package io.txrx.client;

import java.util.HashMap;
import java.util.Map;

/**
 * The last offset handed to the application, per channel: a message is delivered only if it is newer, so a
 * replay that overlaps what already arrived (after a reconnect) reaches the application once, in order.
 */
final class OffsetTracker {

    private final Map<String, StreamOffset> last = new HashMap<>();

    /** The last offset delivered (or advanced to) on {@code channel}, or {@code null}. */
    synchronized String get(String channel) {
        StreamOffset offset = last.get(channel);
        return offset == null ? null : offset.toString();
    }

    /** Whether {@code offset} is new on {@code channel}; if so it becomes the channel's last offset. */
    synchronized boolean accept(String channel, String offset) {
        if (!StreamOffset.isValid(offset)) {
            return false;
        }
        StreamOffset candidate = StreamOffset.parse(offset);
        StreamOffset previous = last.get(channel);
        if (previous != null && candidate.compareTo(previous) <= 0) {
            return false;
        }
        last.put(channel, candidate);
        return true;
    }

    /** Moves {@code channel} forward to {@code offset} (where a subscription starts after); never backwards. */
    synchronized void advance(String channel, String offset) {
        if (StreamOffset.isValid(offset)) {
            StreamOffset candidate = StreamOffset.parse(offset);
            last.merge(channel, candidate, (a, b) -> a.compareTo(b) >= 0 ? a : b);
        }
    }

    synchronized void forget(String channel) {
        last.remove(channel);
    }
}
