package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void anEmptyHistogramReportsZeros() {
        LatencyHistogram cut = new LatencyHistogram();

        assertEquals(0, cut.count());
        assertEquals(0, cut.percentile(50));
        assertEquals(0, cut.max());
        assertEquals(0, cut.min());
        assertEquals(0.0, cut.mean());
    }

    @Test
    void smallValuesAreExact() {
        LatencyHistogram cut = new LatencyHistogram();
        for (long value = 1; value <= 100; value++) {
            cut.record(value);
        }

        assertEquals(50, cut.percentile(50));
        assertEquals(99, cut.percentile(99));
        assertEquals(100, cut.percentile(99.9));
        assertEquals(100, cut.percentile(100));
        assertEquals(1, cut.percentile(0));
        assertEquals(50.5, cut.mean());
    }

    @Test
    void bucketsCoverEveryValueOnceAndInOrder() {
        long expectedLowest = 0;
        for (int index = 0; index <= LatencyHistogram.indexOf(LatencyHistogram.HIGHEST_TRACKABLE); index++) {
            assertEquals(expectedLowest, LatencyHistogram.lowestIn(index), "lowest value of bucket " + index);
            assertEquals(index, LatencyHistogram.indexOf(LatencyHistogram.lowestIn(index)));
            assertEquals(index, LatencyHistogram.indexOf(LatencyHistogram.highestIn(index)));
            expectedLowest = LatencyHistogram.highestIn(index) + 1;
        }
        assertEquals(LatencyHistogram.HIGHEST_TRACKABLE + 1, expectedLowest);
    }

    @Test
    void percentilesOfRandomLatenciesAreWithinOnePercentOfTheSortedTruth() {
        Random random = new Random(42);
        long[] values = new long[100_000];
        LatencyHistogram cut = new LatencyHistogram();
        for (int i = 0; i < values.length; i++) {
            // log-normal-ish spread from microseconds to tens of milliseconds, in nanoseconds
            values[i] = (long) (50_000 * Math.exp(random.nextGaussian() * 1.5));
            cut.record(values[i]);
        }
        Arrays.sort(values);

        for (double percentile : new double[] {50, 90, 99, 99.9}) {
            long truth = values[(int) Math.ceil(percentile / 100 * values.length) - 1];
            long reported = cut.percentile(percentile);
            assertTrue(
                    reported >= truth && reported <= truth * 1.01,
                    "p" + percentile + ": reported " + reported + ", sorted array says " + truth);
        }
        assertEquals(values[values.length - 1], cut.max());
        assertEquals(values[0], cut.min());
        assertEquals(values[values.length - 1], cut.percentile(100));
    }

    @Test
    void addingHistogramsIsTheSameAsRecordingIntoOne() {
        LatencyHistogram first = new LatencyHistogram();
        LatencyHistogram second = new LatencyHistogram();
        LatencyHistogram both = new LatencyHistogram();
        for (long value = 1_000; value < 2_000_000; value += 997) {
            (value % 2 == 0 ? first : second).record(value);
            both.record(value);
        }

        first.add(second);

        assertEquals(both.count(), first.count());
        assertEquals(both.max(), first.max());
        assertEquals(both.min(), first.min());
        assertEquals(both.mean(), first.mean());
        assertEquals(both.percentile(50), first.percentile(50));
        assertEquals(both.percentile(99.9), first.percentile(99.9));
    }

    @Test
    void outOfRangeValuesAreClampedNotLost() {
        LatencyHistogram cut = new LatencyHistogram();
        cut.record(-5);
        cut.record(Long.MAX_VALUE);

        assertEquals(2, cut.count());
        assertEquals(0, cut.min());
        assertEquals(LatencyHistogram.HIGHEST_TRACKABLE, cut.max());
        assertEquals(LatencyHistogram.HIGHEST_TRACKABLE, cut.percentile(100));
    }

    @Test
    void percentilesOutside0To100AreRefused() {
        LatencyHistogram cut = new LatencyHistogram();
        assertThrows(IllegalArgumentException.class, () -> cut.percentile(100.1));
        assertThrows(IllegalArgumentException.class, () -> cut.percentile(-1));
    }
}
