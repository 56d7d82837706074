package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class BucketHistogramTest {

    /** 100 values: 40 at or below 1 ms, 50 in (1 ms, 5 ms], 9 in (5 ms, 10 ms], 1 above. */
    private static final BucketHistogram SAMPLE = histogram(100, 0.350, 0.001, 40, 0.005, 90, 0.010, 99, inf(), 100);

    @Test
    void interpolatesLinearlyInsideTheBucketThatHoldsTheRank() {
        assertEquals(0.000_5, SAMPLE.quantile(0.20), 1e-12, "rank 20 of the 40 in [0, 1 ms]");
        assertEquals(0.001 + 0.004 * 10 / 50.0, SAMPLE.quantile(0.50), 1e-12, "rank 50: 10 of 50 into (1, 5 ms]");
        assertEquals(0.005 + 0.005 * 9 / 9.0, SAMPLE.quantile(0.99), 1e-12, "rank 99 is the top of (5, 10 ms]");
        assertEquals(0.0035, SAMPLE.mean(), 1e-12, "mean from the sum, not the buckets");
    }

    @Test
    void aRankInThePlusInfBucketGivesTheHighestFiniteBoundAndSaysSo() {
        assertEquals(0.010, SAMPLE.quantile(0.999), 1e-12);
        assertTrue(SAMPLE.aboveLastBound(0.999));
        assertFalse(SAMPLE.aboveLastBound(0.99));
    }

    @Test
    void skipsEmptyBucketsBelowTheRank() {
        BucketHistogram allBetween10And25 = histogram(4, 0.06, 0.001, 0, 0.005, 0, 0.010, 0, 0.025, 4, inf(), 4);

        assertEquals(0.010 + 0.015 * 0.5, allBetween10And25.quantile(0.5), 1e-12);
        assertEquals(0.010, allBetween10And25.quantile(0.0), 1e-12, "the lowest is at the bucket's lower bound");
    }

    @Test
    void nothingObservedHasNoMeanAndNoQuantiles() {
        BucketHistogram none = histogram(0, 0, 0.001, 0, inf(), 0);

        assertTrue(Double.isNaN(none.mean()));
        assertTrue(Double.isNaN(none.quantile(0.5)));
        assertTrue(Double.isNaN(BucketHistogram.EMPTY.quantile(0.5)));
        assertFalse(none.aboveLastBound(0.5));
    }

    @Test
    void subtractingAnEarlierScrapeLeavesWhatHappenedBetween() {
        BucketHistogram before = histogram(10, 0.020, 0.001, 5, 0.005, 10, inf(), 10);
        BucketHistogram after = histogram(30, 0.100, 0.001, 5, 0.005, 25, inf(), 30);

        BucketHistogram between = after.minus(before);

        assertEquals(20, between.count());
        assertEquals(0.080, between.sum(), 1e-12);
        assertEquals(Map.of(0.001, 0.0, 0.005, 15.0, inf(), 20.0), between.buckets());
    }

    @Test
    void aCountThatWentDownIsNoDifference() {
        BucketHistogram before = histogram(30, 0.1, 0.001, 30, inf(), 30);
        BucketHistogram afterARestart = histogram(3, 0.01, 0.001, 3, inf(), 3);

        assertNull(afterARestart.minus(before));
    }

    @Test
    void histogramsOfTwoProcessesAddUp() {
        BucketHistogram one = histogram(2, 0.003, 0.001, 1, inf(), 2);
        BucketHistogram other = histogram(3, 0.004, 0.001, 3, inf(), 3);

        BucketHistogram both = one.plus(other);

        assertEquals(5, both.count());
        assertEquals(0.007, both.sum(), 1e-12);
        assertEquals(Map.of(0.001, 4.0, inf(), 5.0), both.buckets());
    }

    private static double inf() {
        return Double.POSITIVE_INFINITY;
    }

    /** count, sum, then pairs of upper bound and cumulative count. */
    static BucketHistogram histogram(double count, double sum, double... buckets) {
        TreeMap<Double, Double> cumulative = new TreeMap<>();
        for (int i = 0; i < buckets.length; i += 2) {
            cumulative.put(buckets[i], buckets[i + 1]);
        }
        return new BucketHistogram(count, sum, cumulative);
    }
}
