package io.txrx.benchmark;

import java.net.URI;
import java.util.Locale;
import java.util.stream.Collectors;

/** The summary printed at the end of a run: what was run, how many calls, how fast. */
final class BenchmarkReport {

    private BenchmarkReport() {}

    static String format(BenchmarkOptions options, LoadRun.Result result, long connectionsLost) {
        CallTally totals = result.totals();
        LatencyHistogram latencies = totals.latencies();
        StringBuilder text = new StringBuilder();
        line(text, "txrx echo benchmark", "");
        line(text, "  gateways", options.gateways().stream().map(URI::toString).collect(Collectors.joining(", ")));
        line(
                text,
                "  clients",
                "%d closed-loop connections, %d-byte payload",
                options.clients(),
                options.payloadBytes());
        line(text, "  window", "%d s warm-up, %.2f s measured", options.warmupSeconds(), result.measuredSeconds());
        line(text, "  calls", "%d ok, %d errors", totals.ok(), totals.errors());
        if (totals.errors() > 0 || connectionsLost > 0) {
            line(
                    text,
                    "  errors",
                    "%d timeouts, %d JSON-RPC errors, %d wrong echoes, %d calls cut off; %d of %d "
                            + "connections lost",
                    totals.count(CallOutcome.Status.TIMEOUT),
                    totals.count(CallOutcome.Status.RPC_ERROR),
                    totals.count(CallOutcome.Status.WRONG_ECHO),
                    totals.count(CallOutcome.Status.CLOSED),
                    connectionsLost,
                    options.clients());
        }
        line(text, "  throughput", "%.1f calls/s", result.callsPerSecond());
        if (latencies.count() == 0) {
            line(text, "  latency", "no call answered in the measured window");
        } else {
            line(
                    text,
                    "  latency ms",
                    "p50 %s  p99 %s  p99.9 %s  max %s  (mean %s)",
                    millis(latencies.percentile(50)),
                    millis(latencies.percentile(99)),
                    millis(latencies.percentile(99.9)),
                    millis(latencies.max()),
                    millis((long) latencies.mean()));
        }
        return text.toString();
    }

    static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static void line(StringBuilder text, String label, String format, Object... values) {
        String value = String.format(Locale.ROOT, format, values);
        text.append(value.isEmpty() ? label : String.format(Locale.ROOT, "%-14s%s", label, value))
                .append(System.lineSeparator());
    }
}
