package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkOptionsTest {

    @Test
    void noArgumentsGiveTheDocumentedDefaults() throws UsageException {
        BenchmarkOptions options = BenchmarkOptions.parse();

        assertEquals(List.of(URI.create("ws://127.0.0.1:8080/gateway/ws")), options.gateways());
        assertEquals(1, options.clients());
        assertEquals(10, options.seconds());
        assertEquals(3, options.warmupSeconds());
        assertEquals(64, options.payloadBytes());
        assertEquals(5_000_000L, options.maxCalls());
        assertEquals(5, options.timeoutSeconds());
        assertEquals(List.of(URI.create("http://127.0.0.1:8080/metrics")), options.metricsEndpoints());
    }

    @Test
    void metricsDefaultToEachGatewayAndCanListEveryProcess() throws UsageException {
        BenchmarkOptions derived = BenchmarkOptions.parse(
                "--url",
                "ws://127.0.0.1:8080/gateway/ws,ws://127.0.0.1:8083/gateway/ws,ws://127.0.0.1:8080/gateway/ws");
        BenchmarkOptions listed = BenchmarkOptions.parse(
                "--metrics=http://127.0.0.1:8080/metrics, http://127.0.0.1:8081/metrics,http://127.0.0.1:8080/metrics,");

        assertEquals(
                List.of(URI.create("http://127.0.0.1:8080/metrics"), URI.create("http://127.0.0.1:8083/metrics")),
                derived.metricsEndpoints());
        assertEquals(
                List.of(URI.create("http://127.0.0.1:8080/metrics"), URI.create("http://127.0.0.1:8081/metrics")),
                listed.metricsEndpoints());
    }

    @Test
    void everyOptionIsReadInBothSpellings() throws UsageException {
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--url",
                "ws://localhost:9000/gateway/ws",
                "--clients=16",
                "--seconds",
                "30",
                "--warmup=0",
                "--payload",
                "1024",
                "--max-calls=5_000",
                "--timeout",
                "2");

        assertEquals(List.of(URI.create("ws://localhost:9000/gateway/ws")), options.gateways());
        assertEquals(16, options.clients());
        assertEquals(30, options.seconds());
        assertEquals(0, options.warmupSeconds());
        assertEquals(1024, options.payloadBytes());
        assertEquals(5_000L, options.maxCalls());
        assertEquals(2, options.timeoutSeconds());
    }

    @Test
    void clientsAreSpreadRoundRobinOverSeveralGateways() throws UsageException {
        BenchmarkOptions options = BenchmarkOptions.parse(
                "--url", "ws://127.0.0.1:8080/gateway/ws, ws://127.0.0.1:8081/gateway/ws,", "--clients", "5");

        assertEquals(2, options.gateways().size());
        assertEquals(8080, options.gatewayFor(0).getPort());
        assertEquals(8081, options.gatewayFor(1).getPort());
        assertEquals(8080, options.gatewayFor(2).getPort());
        assertEquals(8081, options.gatewayFor(3).getPort());
        assertEquals(8080, options.gatewayFor(4).getPort());
    }

    @Test
    void measuredTimeHasAHardMaximumOf120Seconds() throws UsageException {
        assertEquals(120, BenchmarkOptions.parse("--seconds", "120").seconds());

        UsageException tooLong = assertThrows(UsageException.class, () -> BenchmarkOptions.parse("--seconds", "121"));
        assertTrue(tooLong.getMessage().contains("--seconds must be between 1 and 120"), tooLong.getMessage());
    }

    @Test
    void outOfRangeAndMalformedValuesAreRefusedWithTheOptionName() {
        assertMessage("--clients must be between 1 and 1000", "--clients", "0");
        assertMessage("--warmup must be between 0 and 60", "--warmup", "61");
        assertMessage("--max-calls must be between 1", "--max-calls", "0");
        assertMessage("--payload needs a whole number, got 'big'", "--payload", "big");
        assertMessage("option --clients needs a value", "--clients");
        assertMessage("unknown option --client", "--client", "4");
        assertMessage("--metrics must be http://HOST:PORT/metrics", "--metrics", "ws://127.0.0.1:8080/metrics");
        assertMessage("--metrics needs at least one http:// or https:// URL", "--metrics", " , ");
    }

    @Test
    void urlsMustBeWebSocketUrls() {
        assertMessage("--url must be ws://", "--url", "http://127.0.0.1:8080/gateway/ws");
        assertMessage("--url needs at least one", "--url", " , ");
        assertMessage("--url is not a URL", "--url", "ws://bad host/");
    }

    @Test
    void helpIsRecognisedAnywhereOnTheLine() {
        assertTrue(BenchmarkOptions.asksForHelp("--clients", "4", "--help"));
        assertTrue(BenchmarkOptions.asksForHelp("-h"));
        assertFalse(BenchmarkOptions.asksForHelp("--clients", "4"));
    }

    private static void assertMessage(String expected, String... args) {
        UsageException e = assertThrows(UsageException.class, () -> BenchmarkOptions.parse(args));
        assertTrue(
                e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should contain '" + expected + "'");
    }
}
