package io.txrx.benchmark;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The "where the time goes" section: per hop, the calls the servers measured during the window, their mean
 * (exact, from the histogram's sum) and p50/p99 (estimated from its buckets).
 */
final class HopReport {

    static final String TITLE = "where the time goes";

    private HopReport() {}

    static String format(List<URI> endpoints, HopHistograms delta) {
        StringBuilder text = new StringBuilder();
        line(text, "%s (server txrx_hop_seconds, change over the measured window)", TITLE);
        line(text, "  %-12s%s", "metrics", endpoints.stream().map(URI::toString).collect(Collectors.joining(", ")));
        line(text, "  %-20s %10s %9s %9s %9s", "hop", "calls", "mean ms", "p50 ms", "p99 ms");
        for (String hop : delta.hops()) {
            BucketHistogram histogram = delta.hop(hop);
            line(
                    text,
                    "  %-20s %10d %9s %9s %9s",
                    hop,
                    Math.round(histogram.count()),
                    millis(histogram.mean()),
                    quantile(histogram, 0.50),
                    quantile(histogram, 0.99));
        }
        line(
                text,
                "  p50 and p99 are estimates from the bucket counts (bounds %s ms, ...), linear within a bucket;",
                firstBounds(delta));
        line(
                text,
                "  the servers time hops in whole ms, so under 1 ms only the mean says more; counts are all their calls");
        List<String> missing = HopHistograms.ORDER.stream()
                .filter(hop -> !delta.byHop().containsKey(hop))
                .toList();
        if (!missing.isEmpty()) {
            line(
                    text,
                    "  not measured there: %s (other processes? list each one's /metrics with --metrics)",
                    String.join(", ", missing));
        }
        return text.toString();
    }

    static String unavailable(String why) {
        return String.format(Locale.ROOT, "%s: per-hop times unavailable: %s%n", TITLE, why);
    }

    private static String quantile(BucketHistogram histogram, double q) {
        String value = millis(histogram.quantile(q));
        return histogram.aboveLastBound(q) ? ">" + value : value;
    }

    static String millis(double seconds) {
        return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.3f", seconds * 1000);
    }

    private static String firstBounds(HopHistograms delta) {
        return delta.hops().stream()
                .flatMap(hop -> delta.hop(hop).buckets().keySet().stream())
                .filter(le -> !le.isInfinite())
                .distinct()
                .sorted()
                .limit(4)
                .map(le -> String.format(Locale.ROOT, "%.0f", le * 1000))
                .collect(Collectors.joining(", "));
    }

    private static void line(StringBuilder text, String format, Object... values) {
        text.append(String.format(Locale.ROOT, format, values)).append(System.lineSeparator());
    }
}
