package io.txrx.metrics;

import java.util.concurrent.atomic.LongAdder;

/**
 * A latency histogram with fixed buckets, in milliseconds as stream entries carry time, exported in seconds.
 * Observing one value is a few comparisons and two adds, with no allocation and no lock, unlike a sampling
 * reservoir; the counts are exact and only grow, as Prometheus expects of a histogram.
 */
public final class LatencyHistogram {
    /** Upper bounds of the buckets in milliseconds; one more bucket, +Inf, holds the rest. */
    static final long[] BOUNDS_MS = {1, 2, 5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 30_000};

    private final LongAdder[] buckets = new LongAdder[BOUNDS_MS.length + 1];
    private final LongAdder sumMs = new LongAdder();

    public LatencyHistogram() {
        for (int i = 0; i < buckets.length; i++) {
            buckets[i] = new LongAdder();
        }
    }

    /** Counts one latency; a negative one (clocks of two hosts apart) counts as 0. */
    public void observe(long ms) {
        long value = Math.max(0, ms);
        int bucket = 0;
        while (bucket < BOUNDS_MS.length && value > BOUNDS_MS[bucket]) {
            bucket++;
        }
        buckets[bucket].increment();
        sumMs.add(value);
    }

    /** Counts the time from {@code sinceMs} to {@code nowMs}; nothing when the stamp was missing (negative). */
    public void observeSince(long sinceMs, long nowMs) {
        if (sinceMs >= 0) {
            observe(nowMs - sinceMs);
        }
    }

    /** How many buckets there are, +Inf included. */
    public static int buckets() {
        return BOUNDS_MS.length + 1;
    }

    /** The upper bound of bucket {@code i} as Prometheus writes it ({@code le}), in seconds. */
    public static String le(int i) {
        return i == BOUNDS_MS.length ? "+Inf" : Double.toString(BOUNDS_MS[i] / 1000.0);
    }

    /** The values at or below bucket {@code i}'s bound. */
    public long cumulative(int i) {
        long count = 0;
        for (int b = 0; b <= i; b++) {
            count += buckets[b].sum();
        }
        return count;
    }

    public long count() {
        return cumulative(BOUNDS_MS.length);
    }

    public double sumSeconds() {
        return sumMs.sum() / 1000.0;
    }
}
