package io.txrx.benchmark;

/**
 * A log-linear histogram of nanosecond latencies, cheap enough to record every call.
 *
 * <p>Values below 256 ns get a bucket each; above that every power of two is split into 128
 * equal buckets, so a reported percentile is at most 1/128 (under 0.8 %) above the true value.
 * Recording is one array increment; one histogram per client thread, merged at the end.
 * Not thread-safe.
 */
final class LatencyHistogram {

    private static final int SUB_BUCKET_BITS = 7;
    private static final int SUB_BUCKETS = 1 << SUB_BUCKET_BITS;
    /** Largest value told apart from larger ones: about 18 minutes in nanoseconds. */
    static final long HIGHEST_TRACKABLE = (1L << 40) - 1;

    private final long[] counts = new long[indexOf(HIGHEST_TRACKABLE) + 1];
    private long total;
    private long sum;
    private long min = Long.MAX_VALUE;
    private long max;

    void record(long nanos) {
        long value = Math.min(Math.max(nanos, 0), HIGHEST_TRACKABLE);
        counts[indexOf(value)]++;
        total++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
    }

    void add(LatencyHistogram other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        total += other.total;
        sum += other.sum;
        min = Math.min(min, other.min);
        max = Math.max(max, other.max);
    }

    long count() {
        return total;
    }

    long max() {
        return max;
    }

    long min() {
        return total == 0 ? 0 : min;
    }

    double mean() {
        return total == 0 ? 0 : (double) sum / total;
    }

    /**
     * The value at or below which {@code percentile} percent of the recorded values fall,
     * as the highest value of its bucket (never above the recorded maximum); 0 when empty.
     */
    long percentile(double percentile) {
        if (percentile < 0 || percentile > 100) {
            throw new IllegalArgumentException("percentile must be within 0..100, got " + percentile);
        }
        if (total == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(percentile / 100.0 * total));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(highestIn(i), max);
            }
        }
        return max;
    }

    static int indexOf(long value) {
        int highestBit = 63 - Long.numberOfLeadingZeros(value | 1);
        int shift = Math.max(0, highestBit - SUB_BUCKET_BITS);
        return (shift << SUB_BUCKET_BITS) + (int) (value >>> shift);
    }

    static long lowestIn(int index) {
        int shift = Math.max(0, (index >>> SUB_BUCKET_BITS) - 1);
        return (long) (index - (shift << SUB_BUCKET_BITS)) << shift;
    }

    static long highestIn(int index) {
        int shift = Math.max(0, (index >>> SUB_BUCKET_BITS) - 1);
        return lowestIn(index) + (1L << shift) - 1;
    }
}
