package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * On two real scrapes of {@code txrx all} (Payara Micro 6.2025.10, trimmed to a few other families): one after
 * the first call, one after 1018 more. Payara prints the application registry once per deployed application
 * (gateway, dispatcher, rpc), so each hop series is there three times with the very same labels.
 */
class HopHistogramsTest {

    static final List<String> PIPELINE =
            List.of("call", "gateway_dispatcher", "dispatcher_rpc", "handler", "rpc_gateway");

    @Test
    void readsEveryHopOnceThoughPayaraPrintsItThreeTimes() throws IOException {
        String scrape = fixture("all-roles-scrape-1.txt");
        assertEquals(
                3,
                scrape.lines()
                        .filter(l -> l.startsWith("txrx_hop_seconds_count{hop=\"call\""))
                        .count());

        HopHistograms hops = HopHistograms.fromScrape(scrape);

        assertEquals(PIPELINE, hops.hops());
        BucketHistogram call = hops.hop("call");
        assertEquals(1019, call.count());
        assertEquals(12.457, call.sum(), 1e-9);
        assertEquals(15, call.buckets().size(), "14 bounds and +Inf");
        assertEquals(30, call.buckets().get(0.001));
        assertEquals(1019, call.buckets().get(Double.POSITIVE_INFINITY));
        assertEquals(930, hops.hop("handler").buckets().get(0.001));
    }

    @Test
    void theDifferenceOfTwoScrapesIsTheCallsBetweenThem() throws Exception {
        HopHistograms before = HopHistograms.fromScrape(fixture("all-roles-scrape-0.txt"));
        HopHistograms after = HopHistograms.fromScrape(fixture("all-roles-scrape-1.txt"));

        HopHistograms between = after.minus(before);

        BucketHistogram call = between.hop("call");
        assertEquals(1018, call.count());
        assertEquals(12.457 - 2.901, call.sum(), 1e-9);
        assertEquals(0.009_387, call.mean(), 1e-6);
        // cumulative 382 at 5 ms and 654 at 10 ms: rank 509 is 127 of 272 into (5, 10 ms]
        assertEquals(0.005 + 0.005 * 127 / 272, call.quantile(0.50), 1e-9);
        // 986 at 25 ms, 1017 at 50 ms: rank 1007.82 is 21.82 of 31 into (25, 50 ms]
        assertEquals(0.025 + 0.025 * 21.82 / 31, call.quantile(0.99), 1e-9);
        for (String hop : PIPELINE) {
            assertEquals(1018, between.hop(hop).count(), hop);
        }
    }

    @Test
    void hopsOfSeveralProcessesAddUp() {
        HopHistograms gateway = HopHistograms.fromScrape(
                """
                # TYPE txrx_hop_seconds_count gauge
                txrx_hop_seconds_count{hop="call",mp_scope="application"} 10
                txrx_hop_seconds_sum{hop="call",mp_scope="application"} 0.05
                txrx_hop_seconds_bucket{hop="call",le="0.001",mp_scope="application"} 4
                txrx_hop_seconds_bucket{hop="call",le="+Inf",mp_scope="application"} 10
                txrx_hop_seconds_count{hop="rpc_gateway",mp_scope="application"} 10
                txrx_hop_seconds_sum{hop="rpc_gateway",mp_scope="application"} 0.01
                txrx_hop_seconds_bucket{hop="rpc_gateway",le="+Inf",mp_scope="application"} 10
                """);
        HopHistograms otherGateway = HopHistograms.fromScrape(
                """
                txrx_hop_seconds_count{hop="call",mp_scope="application"} 5
                txrx_hop_seconds_sum{hop="call",mp_scope="application"} 0.01
                txrx_hop_seconds_bucket{hop="call",le="0.001",mp_scope="application"} 5
                txrx_hop_seconds_bucket{hop="call",le="+Inf",mp_scope="application"} 5
                """);
        HopHistograms dispatcher = HopHistograms.fromScrape(
                """
                txrx_hop_seconds_count{hop="gateway_dispatcher",mp_scope="application"} 15
                txrx_hop_seconds_sum{hop="gateway_dispatcher",mp_scope="application"} 0.015
                txrx_hop_seconds_bucket{hop="gateway_dispatcher",le="+Inf",mp_scope="application"} 15
                """);

        HopHistograms all = gateway.plus(otherGateway).plus(dispatcher);

        assertEquals(List.of("call", "gateway_dispatcher", "rpc_gateway"), all.hops());
        assertEquals(15, all.hop("call").count());
        assertEquals(0.06, all.hop("call").sum(), 1e-12);
        assertEquals(9, all.hop("call").buckets().get(0.001));
        assertEquals(15, all.hop("gateway_dispatcher").count());
    }

    @Test
    void labelsOtherThanHopAndLeDoNotMatterAndOtherFamiliesAreIgnored() {
        HopHistograms hops = HopHistograms.fromScrape(
                """
                txrx_hop_seconds_count{hop="handler"} 2
                txrx_hop_seconds_sum{hop="handler"} 0.002
                txrx_hop_seconds_bucket{le="0.001",hop="handler"} 2
                txrx_hop_seconds_bucket{le="+Inf",hop="handler"} 2
                txrx_hop_seconds_created{hop="handler"} 1.7e9
                txrx_calls_total{method="system.echo",outcome="ok",mp_scope="application"} 2
                txrx_hop_seconds_count 7
                txrx_hops_count{hop="handler"} 9
                """);

        assertEquals(List.of("handler"), hops.hops());
        assertEquals(2, hops.hop("handler").count());
        assertEquals(2, hops.hop("handler").buckets().size());
    }

    @Test
    void hopsAreInPipelineOrderThenByName() {
        HopHistograms hops = HopHistograms.fromScrape(
                """
                txrx_hop_seconds_count{hop="zeta"} 1
                txrx_hop_seconds_count{hop="rpc_gateway"} 1
                txrx_hop_seconds_count{hop="alpha"} 1
                txrx_hop_seconds_count{hop="call"} 1
                """);

        assertEquals(List.of("call", "rpc_gateway", "alpha", "zeta"), hops.hops());
    }

    @Test
    void aCountThatWentDownSaysWhichHopAndWhy() throws IOException {
        HopHistograms before = HopHistograms.fromScrape(fixture("all-roles-scrape-1.txt"));
        HopHistograms afterARestart = HopHistograms.fromScrape(fixture("all-roles-scrape-0.txt"));

        ScrapeException shrank = assertThrows(ScrapeException.class, () -> afterARestart.minus(before));

        assertTrue(shrank.getMessage().contains("counts went down during the run"), shrank.getMessage());
    }

    static String fixture(String name) throws IOException {
        try (InputStream in = HopHistogramsTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
