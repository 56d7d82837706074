package io.txrx.client;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Reconnect delays: {@code base * 2^attempt} capped at {@code max}, with "equal jitter" (a random point in the
 * upper half) so clients that lost the same gateway do not return in one wave.
 */
final class Backoff {

    private final long baseMs;
    private final long maxMs;
    private final DoubleSupplier random;
    private int attempt;

    Backoff(Duration base, Duration max, DoubleSupplier random) {
        this.baseMs = Math.max(1, base.toMillis());
        this.maxMs = Math.max(baseMs, max.toMillis());
        this.random = random == null ? () -> ThreadLocalRandom.current().nextDouble() : random;
    }

    static long delayMillis(int attempt, long baseMs, long maxMs, double random) {
        double nominal = Math.min(maxMs, baseMs * Math.pow(2, Math.max(0, Math.min(attempt, 62))));
        double half = nominal / 2;
        return Math.round(half + random * half);
    }

    /** The delay before the next attempt; counts the attempt. */
    synchronized long nextMillis() {
        return delayMillis(attempt++, baseMs, maxMs, random.getAsDouble());
    }

    synchronized void reset() {
        attempt = 0;
    }
}
