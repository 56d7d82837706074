package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Runs the whole command against {@link LoopbackGateway}s and reads what it prints. */
class EchoBenchmarkTest {

    private static final Pattern CALLS = Pattern.compile("calls\\s+(\\d+) ok, (\\d+) errors");

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void measuresEchoCallsAndPrintsThroughputAndPercentiles() throws IOException {
        try (LoopbackGateway gateway = new LoopbackGateway(LoopbackGateway.Answer.ECHO)) {
            int exit = run("--url", gateway.url().toString(), "--clients", "2", "--seconds", "1", "--warmup", "1");

            assertEquals(EchoBenchmark.EXIT_OK, exit, this::printed);
            assertTrue(okCalls() > 0, this::printed);
            assertEquals(0, errorCalls(), this::printed);
            assertTrue(printed().contains("calls/s"), this::printed);
            assertTrue(
                    printed().matches("(?s).*latency ms\\s+p50 \\d+\\.\\d{3}  p99 [\\d.]+  p99\\.9 [\\d.]+  max.*"),
                    this::printed);
        }
    }

    @Test
    void withoutMetricsThereIsOneLineSayingWhyAndTheRunStillSucceeds() throws IOException {
        try (LoopbackGateway gateway = new LoopbackGateway(LoopbackGateway.Answer.ECHO)) {
            int exit = run("--url", gateway.url().toString(), "--seconds", "1", "--warmup", "0", "--max-calls", "20");

            assertEquals(EchoBenchmark.EXIT_OK, exit, this::printed);
            String metrics = "http://127.0.0.1:" + gateway.url().getPort() + "/metrics";
            assertTrue(
                    printed()
                            .endsWith("where the time goes: per-hop times unavailable: " + metrics
                                    + " answered HTTP 404" + System.lineSeparator()),
                    this::printed);
        }
    }

    @Test
    void printsWhereTheTimeGoesFromTheMetricsGiven() throws IOException {
        try (LoopbackGateway gateway = new LoopbackGateway(LoopbackGateway.Answer.ECHO);
                FakeMetrics metrics = new FakeMetrics(200)) {
            int exit = run(
                    "--url",
                    gateway.url().toString(),
                    "--metrics",
                    metrics.url().toString(),
                    "--seconds",
                    "1",
                    "--warmup",
                    "1",
                    "--max-calls",
                    "1000000");

            assertEquals(EchoBenchmark.EXIT_OK, exit, this::printed);
            assertEquals(3, metrics.scrapes(), "before the run, at the window's start, after it");
            assertTrue(printed().contains("where the time goes (server txrx_hop_seconds"), this::printed);
            assertTrue(printed().matches("(?s).*\\R  call +1 +3\\.000 +3\\.000 +4\\.960\\R.*"), this::printed);
        }
    }

    @Test
    void maxCallsBoundsTheWholeRun() throws IOException {
        try (LoopbackGateway gateway = new LoopbackGateway(LoopbackGateway.Answer.ECHO)) {
            int exit = run(
                    "--url",
                    gateway.url().toString(),
                    "--clients",
                    "3",
                    "--seconds",
                    "60",
                    "--warmup",
                    "0",
                    "--max-calls",
                    "50");

            assertEquals(EchoBenchmark.EXIT_OK, exit, this::printed);
            assertEquals(50, okCalls(), this::printed);
        }
    }

    @Test
    void clientsAreSpreadOverEveryGatewayGiven() throws IOException {
        try (LoopbackGateway first = new LoopbackGateway(LoopbackGateway.Answer.ECHO);
                LoopbackGateway second = new LoopbackGateway(LoopbackGateway.Answer.ECHO)) {
            int exit = run(
                    "--url",
                    first.url() + "," + second.url(),
                    "--clients",
                    "4",
                    "--seconds",
                    "1",
                    "--warmup",
                    "0",
                    "--max-calls",
                    "100");

            assertEquals(EchoBenchmark.EXIT_OK, exit, this::printed);
            assertEquals(2, first.connections());
            assertEquals(2, second.connections());
        }
    }

    @Test
    void jsonRpcErrorRepliesAreCountedAndFailTheRun() throws IOException {
        try (LoopbackGateway gateway = new LoopbackGateway(LoopbackGateway.Answer.ERROR)) {
            int exit = run("--url", gateway.url().toString(), "--seconds", "1", "--warmup", "0", "--max-calls", "20");

            assertEquals(EchoBenchmark.EXIT_CALLS_FAILED, exit, this::printed);
            assertEquals(0, okCalls(), this::printed);
            assertEquals(20, errorCalls(), this::printed);
            assertTrue(printed().contains("20 JSON-RPC errors"), this::printed);
        }
    }

    @Test
    void unansweredCallsTimeOut() throws IOException {
        try (LoopbackGateway gateway = new LoopbackGateway(LoopbackGateway.Answer.SILENCE)) {
            int exit = run("--url", gateway.url().toString(), "--seconds", "1", "--warmup", "0", "--timeout", "1");

            assertEquals(EchoBenchmark.EXIT_CALLS_FAILED, exit, this::printed);
            assertTrue(printed().contains("1 timeouts"), this::printed);
            assertTrue(printed().contains("no call answered"), this::printed);
        }
    }

    @Test
    void aGatewayThatIsNotListeningExitsWithAClearMessage() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        String url = "ws://127.0.0.1:" + closedPort + "/gateway/ws";

        int exit = run("--url", url, "--clients", "2", "--timeout", "2");

        assertEquals(EchoBenchmark.EXIT_CANNOT_CONNECT, exit);
        assertTrue(
                errors().startsWith("txrx-benchmark: cannot connect to " + url + ": connection refused"), this::errors);
    }

    @Test
    void aGatewayThatNeverAnswersTheHandshakeTimesOut() throws IOException {
        try (ServerSocket mute = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            String url = "ws://127.0.0.1:" + mute.getLocalPort() + "/gateway/ws";

            int exit = run("--url", url, "--timeout", "1");

            assertEquals(EchoBenchmark.EXIT_CANNOT_CONNECT, exit);
            assertTrue(errors().startsWith("txrx-benchmark: cannot connect to " + url + ": no "), this::errors);
        }
    }

    @Test
    void aRefusedHandshakeNamesTheHttpStatus() throws IOException {
        try (LoopbackGateway gateway = new LoopbackGateway(LoopbackGateway.Answer.ECHO)) {
            int exit = run("--url", gateway.wrongPathUrl().toString(), "--timeout", "2");

            assertEquals(EchoBenchmark.EXIT_CANNOT_CONNECT, exit);
            assertTrue(errors().contains("handshake refused with HTTP 404"), this::errors);
        }
    }

    @Test
    void aBadCommandLinePrintsWhatIsWrongAndTheUsage() {
        int exit = run("--clients", "many");

        assertEquals(EchoBenchmark.EXIT_USAGE, exit);
        assertTrue(errors().startsWith("txrx-benchmark: --clients needs a whole number, got 'many'"), this::errors);
        assertTrue(errors().contains("Usage: java -jar txrx-benchmark.jar"), this::errors);
    }

    @Test
    void helpPrintsTheUsage() {
        assertEquals(EchoBenchmark.EXIT_OK, run("--help"));
        assertTrue(printed().contains("--max-calls N"), this::printed);
    }

    private int run(String... args) {
        EchoBenchmark cut = new EchoBenchmark(
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cut.run(args));
    }

    private long okCalls() {
        return Long.parseLong(callsLine().group(1));
    }

    private long errorCalls() {
        return Long.parseLong(callsLine().group(2));
    }

    private Matcher callsLine() {
        Matcher matcher = CALLS.matcher(printed());
        assertTrue(matcher.find(), this::printed);
        return matcher;
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
