package io.txrx.benchmark;

import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * One Prometheus histogram as scraped: its count, its sum (in seconds) and its cumulative bucket counts by
 * upper bound ({@code le}, {@code +Inf} included). Two scrapes subtract into the histogram of what happened
 * between them, and histograms of several processes add up; quantiles are estimated from the buckets.
 */
record BucketHistogram(double count, double sum, NavigableMap<Double, Double> buckets) {

    static final BucketHistogram EMPTY = new BucketHistogram(0, 0, new TreeMap<>());

    BucketHistogram {
        buckets = new TreeMap<>(buckets);
    }

    /** What was observed after {@code before}; null when a count went down (the server restarted). */
    BucketHistogram minus(BucketHistogram before) {
        BucketHistogram delta = combine(before, -1);
        boolean shrank = delta.count < 0 || delta.buckets.values().stream().anyMatch(v -> v < 0);
        return shrank ? null : delta;
    }

    BucketHistogram plus(BucketHistogram other) {
        return combine(other, 1);
    }

    private BucketHistogram combine(BucketHistogram other, int sign) {
        TreeMap<Double, Double> combined = new TreeMap<>(buckets);
        for (Map.Entry<Double, Double> bucket : other.buckets.entrySet()) {
            combined.merge(bucket.getKey(), sign * bucket.getValue(), Double::sum);
        }
        return new BucketHistogram(count + sign * other.count, sum + sign * other.sum, combined);
    }

    /** The mean in seconds, exact from count and sum; NaN when nothing was observed. */
    double mean() {
        return count > 0 ? sum / count : Double.NaN;
    }

    /**
     * The {@code q}-quantile (0..1) in seconds, estimated as Prometheus' {@code histogram_quantile} does: find
     * the bucket holding the rank, interpolate linearly between its lower and upper bound (the first bucket
     * starts at 0). A rank in the {@code +Inf} bucket gives the highest finite bound (the value is above it;
     * see {@link #aboveLastBound}). NaN when nothing was observed.
     */
    double quantile(double q) {
        double total = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
        if (total <= 0) {
            return Double.NaN;
        }
        double rank = q * total;
        double lowerBound = 0;
        double lowerCount = 0;
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            double upperBound = bucket.getKey();
            double upperCount = bucket.getValue();
            if (upperCount >= rank && upperCount > lowerCount) {
                if (Double.isInfinite(upperBound)) {
                    return lowerBound;
                }
                return lowerBound + (upperBound - lowerBound) * (rank - lowerCount) / (upperCount - lowerCount);
            }
            lowerBound = upperBound;
            lowerCount = upperCount;
        }
        return lowerBound;
    }

    /** Whether the {@code q}-quantile lies in the {@code +Inf} bucket, so {@link #quantile} is a lower bound. */
    boolean aboveLastBound(double q) {
        Map.Entry<Double, Double> lastFinite = buckets.lowerEntry(Double.POSITIVE_INFINITY);
        double total = buckets.isEmpty() ? 0 : buckets.lastEntry().getValue();
        return total > 0
                && Double.isInfinite(buckets.lastKey())
                && (lastFinite == null || lastFinite.getValue() < q * total);
    }
}
