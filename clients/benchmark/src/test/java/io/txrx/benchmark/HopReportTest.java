package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HopReportTest {

    private static final List<URI> ONE = List.of(URI.create("http://127.0.0.1:8080/metrics"));

    @Test
    void printsCallsMeanAndEstimatedPercentilesPerHopInPipelineOrder() throws Exception {
        HopHistograms delta = HopHistograms.fromScrape(HopHistogramsTest.fixture("all-roles-scrape-1.txt"))
                .minus(HopHistograms.fromScrape(HopHistogramsTest.fixture("all-roles-scrape-0.txt")));

        String text = HopReport.format(ONE, delta);

        assertTrue(text.startsWith("where the time goes"), text);
        assertTrue(text.contains("metrics     http://127.0.0.1:8080/metrics"), text);
        assertTrue(text.matches("(?s).*hop\\s+calls\\s+mean ms\\s+p50 ms\\s+p99 ms.*"), text);
        assertTrue(text.contains("  call                       1018     9.387     7.335    42.597"), text);
        int at = -1;
        for (String hop : HopHistogramsTest.PIPELINE) {
            int next = text.indexOf("\n  " + hop + " ");
            assertTrue(next > at, hop + " after the hop before it:\n" + text);
            at = next;
        }
        assertTrue(text.contains("estimates from the bucket counts (bounds 1, 2, 5, 10 ms, ...)"), text);
        assertFalse(text.contains("not measured there"), text);
    }

    @Test
    void namesTheHopsNoEndpointMeasuredAndHowToAddThem() {
        HopHistograms gatewayOnly = new HopHistograms(Map.of(
                "call", BucketHistogramTest.histogram(4, 0.004, 0.001, 4, Double.POSITIVE_INFINITY, 4),
                "rpc_gateway", BucketHistogramTest.histogram(0, 0, 0.001, 0, Double.POSITIVE_INFINITY, 0)));

        String text = HopReport.format(ONE, gatewayOnly);

        assertTrue(text.contains("  rpc_gateway                   0         -         -         -"), text);
        assertTrue(
                text.contains("not measured there: gateway_dispatcher, dispatcher_rpc, handler (other processes? "
                        + "list each one's /metrics with --metrics)"),
                text);
    }

    @Test
    void aPercentileAboveTheLastBoundIsMarked() {
        HopHistograms slow = new HopHistograms(
                Map.of("handler", BucketHistogramTest.histogram(2, 80, 30.0, 0, Double.POSITIVE_INFINITY, 2)));

        assertTrue(HopReport.format(ONE, slow).contains(">30000.000 >30000.000"), HopReport.format(ONE, slow));
    }

    @Test
    void unavailableIsOneLineWithTheReason() {
        String text = HopReport.unavailable("http://127.0.0.1:8080/metrics answered HTTP 404");

        assertEquals(
                "where the time goes: per-hop times unavailable: http://127.0.0.1:8080/metrics answered HTTP 404"
                        + System.lineSeparator(),
                text);
    }
}
