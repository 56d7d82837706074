package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class HopTimesTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Test
    void reportsWhatHappenedBetweenTheWindowsStartAndEnd() throws Exception {
        try (FakeMetrics metrics = new FakeMetrics(200)) {
            HopTimes hops = new HopTimes(new MetricsScraper(List.of(metrics.url()), TIMEOUT));

            hops.prepare(); // 0 calls
            hops.windowStarts(); // 1
            String text = hops.report(); // 2

            assertEquals(3, metrics.scrapes());
            assertTrue(text.contains("metrics     " + metrics.url()), text);
            assertTrue(text.matches("(?s).*\n  call +1 +3\\.000 +3\\.000 +4\\.960\\R.*"), text);
        }
    }

    @Test
    void sumsTheDeltasOfEveryEndpoint() throws Exception {
        try (FakeMetrics one = new FakeMetrics(200);
                FakeMetrics other = new FakeMetrics(200)) {
            HopTimes hops = new HopTimes(new MetricsScraper(List.of(one.url(), other.url()), TIMEOUT));

            hops.windowStarts();
            String text = hops.report();

            assertTrue(text.matches("(?s).*\n  call +2 +3\\.000 .*"), text);
        }
    }

    @Test
    void anEndpointAnswering404MakesOneLineAndNoFurtherScrapes() throws Exception {
        try (FakeMetrics missing = new FakeMetrics(404)) {
            HopTimes hops = new HopTimes(new MetricsScraper(List.of(missing.url()), TIMEOUT));

            hops.prepare();
            hops.windowStarts();

            assertEquals(
                    "where the time goes: per-hop times unavailable: " + missing.url() + " answered HTTP 404"
                            + System.lineSeparator(),
                    hops.report());
            assertEquals(1, missing.scrapes());
        }
    }

    @Test
    void anEndpointNobodyListensOnIsNamed() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/metrics");
        HopTimes hops = new HopTimes(new MetricsScraper(List.of(url), TIMEOUT));

        hops.prepare();
        hops.windowStarts();

        String text = hops.report();
        assertTrue(text.contains(url + " refused the connection"), text);
    }

    @Test
    void aServerWithoutHopHistogramsIsNamed() throws Exception {
        try (FakeMetrics noHops = new FakeMetrics(200, false)) {
            HopTimes hops = new HopTimes(new MetricsScraper(List.of(noHops.url()), TIMEOUT));

            hops.prepare();
            hops.windowStarts();

            String text = hops.report();
            assertTrue(text.contains(noHops.url() + " has no txrx_hop_seconds histogram"), text);
        }
    }

    @Test
    void withoutAScrapeAtTheWindowsStartThereIsNoReport() throws Exception {
        try (FakeMetrics metrics = new FakeMetrics(200)) {
            HopTimes hops = new HopTimes(new MetricsScraper(List.of(metrics.url()), TIMEOUT));

            assertTrue(hops.report().contains("per-hop times unavailable: no scrape finished as the window started"));
        }
    }

    @Test
    void endpointsDefaultToEachGatewaysHostAndPortOnce() {
        assertEquals(
                List.of(
                        URI.create("http://127.0.0.1:8080/metrics"),
                        URI.create("https://gw.example:443/metrics"),
                        URI.create("http://127.0.0.1:8081/metrics")),
                MetricsScraper.endpointsFor(List.of(
                        URI.create("ws://127.0.0.1:8080/gateway/ws"),
                        URI.create("wss://gw.example:443/gateway/ws"),
                        URI.create("ws://127.0.0.1:8080/gateway/ws?x=1"),
                        URI.create("ws://127.0.0.1:8081/gateway/ws"))));
    }
}
