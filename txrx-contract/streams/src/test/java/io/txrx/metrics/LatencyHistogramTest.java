package io.txrx.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.txrx.keys.Fields;
import org.junit.jupiter.api.Test;

/** Latencies in fixed buckets, cumulative as Prometheus reads them. */
class LatencyHistogramTest {
    private final LatencyHistogram cut = new LatencyHistogram();

    @Test
    void eachValueCountsInTheFirstBucketItFitsAndEveryBucketAbove() {
        cut.observe(0);
        cut.observe(1);
        cut.observe(2);
        cut.observe(7);
        cut.observe(-3);
        cut.observe(60_000);

        assertEquals("0.001", LatencyHistogram.le(0));
        assertEquals(3, cut.cumulative(0), "0, 1 and a negative value (clock skew) at or below 1 ms");
        assertEquals(4, cut.cumulative(1));
        assertEquals(4, cut.cumulative(2), "nothing in (2, 5] ms");
        assertEquals(5, cut.cumulative(3), "7 ms at or below 10 ms");
        assertEquals(5, cut.cumulative(LatencyHistogram.buckets() - 2), "60 s is over every bound");
        assertEquals("+Inf", LatencyHistogram.le(LatencyHistogram.buckets() - 1));
        assertEquals(6, cut.count());
        assertEquals(60.010, cut.sumSeconds(), 1e-9);
    }

    @Test
    void aHopIsCountedFromItsStampAndNotAtAllWithoutOne() {
        cut.observeSince(Fields.stampMs("1000", -1), 1_007);
        cut.observeSince(Fields.stampMs(null, -1), 1_007);
        cut.observeSince(Fields.stampMs("not a time", -1), 1_007);

        assertEquals(1, cut.count(), "only the entry that carried a stamp");
        assertEquals(0.007, cut.sumSeconds(), 1e-9);
    }
}
