package io.txrx.metrics;

import java.util.Arrays;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Registers txrx's metrics in the application's {@link MetricRegistry}, which Payara serves at
 * {@code /metrics}; {@link #none()} keeps them unregistered (unit tests, a role that is off). A histogram
 * is registered as gauges {@code <name>_bucket{le=...}}, {@code <name>_count} and {@code <name>_sum} read
 * from a {@link LatencyHistogram} at scrape time: Payara's own histograms sample a reservoir (a lock and an
 * allocation per value, bucket counts estimated from the sample), which is neither cheap nor exact.
 */
public final class Meters {
    private final MetricRegistry registry;

    private Meters(MetricRegistry registry) {
        this.registry = registry;
    }

    public static Meters of(MetricRegistry registry) {
        return new Meters(registry);
    }

    /** Meters that count but are exported nowhere. */
    public static Meters none() {
        return new Meters(null);
    }

    /** A counter, exported as {@code <name>_total}; take it once and keep it. */
    public Counter counter(String name, String help, Tag... tags) {
        if (registry == null) {
            return new PlainCounter();
        }
        return registry.counter(metadata(name, help), tags);
    }

    /** A gauge read at scrape time. */
    public void gauge(String name, String help, Supplier<Number> value, Tag... tags) {
        if (registry != null) {
            registry.gauge(metadata(name, help), value, x -> x.get(), tags);
        }
    }

    /** The latency of one hop of a call, or of the whole call ({@code hop} "call"), as {@code txrx_hop_seconds}. */
    public void hop(String hop, LatencyHistogram histogram) {
        histogram(
                "txrx_hop_seconds",
                "Latency of a call, whole (call) and per hop, in seconds",
                histogram,
                new Tag("hop", hop));
    }

    /** A histogram of latencies in seconds, with its buckets, count and sum. */
    public void histogram(String name, String help, LatencyHistogram histogram, Tag... tags) {
        if (registry == null) {
            return;
        }
        for (int i = 0; i < LatencyHistogram.buckets(); i++) {
            int bucket = i;
            Tag[] withLe = Arrays.copyOf(tags, tags.length + 1);
            withLe[tags.length] = new Tag("le", LatencyHistogram.le(i));
            registry.gauge(metadata(name + "_bucket", help), histogram, h -> h.cumulative(bucket), withLe);
        }
        registry.gauge(metadata(name + "_count", help), histogram, LatencyHistogram::count, tags);
        registry.gauge(metadata(name + "_sum", help), histogram, LatencyHistogram::sumSeconds, tags);
    }

    private static Metadata metadata(String name, String help) {
        return Metadata.builder().withName(name).withDescription(help).build();
    }

    /** A counter for {@link #none()}. */
    private static final class PlainCounter implements Counter {
        private final LongAdder count = new LongAdder();

        @Override
        public void inc() {
            count.increment();
        }

        @Override
        public void inc(long n) {
            count.add(n);
        }

        @Override
        public long getCount() {
            return count.sum();
        }
    }
}
