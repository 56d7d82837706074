package io.txrx.presence;

/**
 * When a gateway counts as alive, from the bound {@code txrx.presence.ttl-ms} within which the users of a
 * killed gateway must go offline: the gateway beats every fifth of it and pushes its deadline three fifths
 * ahead, so two beats may be missed (a pause, a slow Redis) before it is taken for dead, and a watcher that
 * looks again every beat sees the users of a dead gateway offline at most four fifths of the bound after its
 * last beat.
 */
public final class PresenceRules {

    private PresenceRules() {}

    /** How often a gateway beats and its presence loop looks again. */
    public static long beatIntervalMs(long ttlMs) {
        return Math.max(ttlMs / 5, 50);
    }

    /** The deadline a beat at {@code nowMs} gives the gateway. */
    public static long deadlineMs(long nowMs, long ttlMs) {
        return nowMs + ttlMs * 3 / 5;
    }

    /** Whether a gateway with this deadline (null: not listed) is alive at {@code nowMs}. */
    public static boolean alive(Double deadlineMs, long nowMs) {
        return deadlineMs != null && deadlineMs >= nowMs;
    }
}
