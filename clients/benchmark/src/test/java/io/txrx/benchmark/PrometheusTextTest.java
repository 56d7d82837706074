package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void readsNameLabelsAndValueOfPayarasLines() {
        PrometheusText.Sample sample = PrometheusText.sample(
                "txrx_hop_seconds_bucket{hop=\"dispatcher_rpc\",le=\"0.005\",mp_scope=\"application\"} 382");

        assertEquals("txrx_hop_seconds_bucket", sample.name());
        assertEquals(Map.of("hop", "dispatcher_rpc", "le", "0.005", "mp_scope", "application"), sample.labels());
        assertEquals(382, sample.value());
    }

    @Test
    void readsInfinityAndNaNValuesAndPlusInfBounds() {
        assertEquals(
                Double.POSITIVE_INFINITY,
                PrometheusText.sample("a_bucket{le=\"+Inf\"} +Inf").value());
        assertEquals(
                "+Inf",
                PrometheusText.sample("a_bucket{le=\"+Inf\"} 3").labels().get("le"));
        assertTrue(Double.isNaN(PrometheusText.sample("a NaN").value()));
        assertEquals(
                2.69140625,
                PrometheusText.sample("cpu_systemLoadAverage{mp_scope=\"base\"} 2.69140625")
                        .value());
        assertEquals(1.5e-3, PrometheusText.sample("b 1.5e-3").value());
    }

    @Test
    void readsLabelValuesWithSpacesCommasBracesAndEscapes() {
        PrometheusText.Sample sample = PrometheusText.sample(
                "gc_total{mp_scope=\"base\",name=\"G1 Young, {x}\",q=\"a \\\"b\\\" \\\\ c\"} 24.0");

        assertEquals("G1 Young, {x}", sample.labels().get("name"));
        assertEquals("a \"b\" \\ c", sample.labels().get("q"));
        assertEquals(24, sample.value());
    }

    @Test
    void takesSamplesWithoutLabelsAndWithATimestampOrATrailingComma() {
        PrometheusText.Sample bare = PrometheusText.sample("process_uptime_seconds 12.5");
        PrometheusText.Sample stamped = PrometheusText.sample("up{job=\"txrx\",} 1 1712345678901");

        assertEquals(Map.of(), bare.labels());
        assertEquals(12.5, bare.value());
        assertEquals(Map.of("job", "txrx"), stamped.labels());
        assertEquals(1, stamped.value());
    }

    @Test
    void skipsCommentsBlankAndMalformedLines() {
        for (String line : new String[] {
            "",
            "# TYPE txrx_hop_seconds_bucket gauge",
            "# HELP txrx_hop_seconds_sum Latency of a call, whole (call) and per hop, in seconds",
            "{hop=\"call\"} 1",
            "txrx_hop_seconds_count{hop=\"call\" 1",
            "txrx_hop_seconds_count{hop=call} 1",
            "txrx_hop_seconds_count{hop=\"call\"}",
            "txrx_hop_seconds_count{hop=\"call\"} lots",
            "txrx_hop_seconds_count{hop=\"call\"} 1 2 3"
        }) {
            assertNull(PrometheusText.sample(line), line);
        }
    }

    @Test
    void parsesAWholeScrapeWithWindowsLineEnds() {
        List<PrometheusText.Sample> samples = PrometheusText.parse("# TYPE a gauge\r\na{x=\"1\"} 1\r\n\r\nb 2\r\n");

        assertEquals(2, samples.size());
        assertEquals("a", samples.get(0).name());
        assertEquals(2, samples.get(1).value());
    }
}
