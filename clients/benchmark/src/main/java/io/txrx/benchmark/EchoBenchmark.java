package io.txrx.benchmark;

import java.io.PrintStream;
import java.time.Duration;

/**
 * Command-line entry point: {@code java -jar txrx-benchmark.jar --clients 8 --seconds 10}.
 * Connects every client first (exit 3 with a message if any cannot), runs warm-up and the
 * measured window, and prints the summary, then the time per hop that the servers' {@code /metrics}
 * measured between the window's start and end (or one line saying why there is none). Exit 0 when
 * every measured call succeeded, 1 when some failed or none was measured, 2 for a bad command line.
 */
public final class EchoBenchmark {

    static final int EXIT_OK = 0;
    static final int EXIT_CALLS_FAILED = 1;
    static final int EXIT_USAGE = 2;
    static final int EXIT_CANNOT_CONNECT = 3;

    private final PrintStream out;
    private final PrintStream err;

    EchoBenchmark(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) throws InterruptedException {
        System.exit(new EchoBenchmark(System.out, System.err).run(args));
    }

    int run(String... args) throws InterruptedException {
        if (BenchmarkOptions.asksForHelp(args)) {
            out.print(BenchmarkOptions.USAGE);
            return EXIT_OK;
        }
        BenchmarkOptions options;
        try {
            options = BenchmarkOptions.parse(args);
        } catch (UsageException e) {
            err.println("txrx-benchmark: " + e.getMessage());
            err.print(BenchmarkOptions.USAGE);
            return EXIT_USAGE;
        }
        EchoRequest request = new EchoRequest(options.payloadBytes());
        try (GatewayConnections connections = GatewayConnections.open(options, request)) {
            out.printf(
                    "connected %d clients; warming up %d s, then measuring %d s%n",
                    options.clients(), options.warmupSeconds(), options.seconds());
            HopTimes hops = new HopTimes(
                    new MetricsScraper(options.metricsEndpoints(), Duration.ofSeconds(options.timeoutSeconds())));
            hops.prepare();
            LoadRun.Result result = LoadRun.run(connections.all(), options, hops::windowStarts);
            out.print(BenchmarkReport.format(options, result, connections.lost()));
            out.print(hops.report());
            boolean clean = result.totals().errors() == 0 && result.totals().ok() > 0;
            return clean ? EXIT_OK : EXIT_CALLS_FAILED;
        } catch (GatewayUnreachableException e) {
            err.println("txrx-benchmark: " + e.getMessage());
            return EXIT_CANNOT_CONNECT;
        }
    }
}
