package io.txrx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.sun.net.httpserver.HttpServer;
import io.txrx.client.GatewaySocket;
import io.txrx.launcher.MicroProcess;
import io.txrx.launcher.Role;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One call's spans from a separate gateway, dispatcher and rpc process, exported over OTLP (HTTP, protobuf) to a
 * collector of the test's own, form one tree: the gateway's call span, the dispatcher's span under it, the rpc
 * instance's span under that, all in one trace.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingSystemIT {
    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final Duration SPANS_WITHIN = Duration.ofSeconds(30);

    /** A span as OTLP carries it: the fields that make the tree. */
    record Span(String traceId, String spanId, String parentSpanId, String name) {}

    private final List<Span> spans = new ArrayList<>();
    private final List<String> requests = new ArrayList<>();
    private HttpServer collector;
    private SystemUnderTest system;
    private MicroProcess gateway;

    @BeforeAll
    void start() throws Exception {
        collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/", exchange -> {
            try (exchange) {
                InputStream in = exchange.getRequestBody();
                if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                    in = new GZIPInputStream(in);
                }
                byte[] body = in.readAllBytes();
                synchronized (spans) {
                    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                            + exchange.getRequestHeaders().getFirst("Content-Type") + " " + body.length + " bytes");
                    try {
                        spans.addAll(Otlp.spans(body));
                    } catch (RuntimeException e) {
                        requests.add("unreadable: " + e);
                    }
                    spans.notifyAll();
                }
                exchange.sendResponseHeaders(200, -1);
            }
        });
        collector.start();
        system = new SystemUnderTest(
                Path.of("target", "tracing-system").toAbsolutePath(),
                Map.of(
                        "OTEL_SDK_DISABLED", "false",
                        "OTEL_EXPORTER_OTLP_ENDPOINT",
                                "http://127.0.0.1:" + collector.getAddress().getPort(),
                        "OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                        "OTEL_METRICS_EXPORTER", "none",
                        "OTEL_LOGS_EXPORTER", "none",
                        "OTEL_BSP_SCHEDULE_DELAY", "200"));
        gateway = system.start(Role.GATEWAY, "gateway");
        system.start(Role.DISPATCHER, "dispatcher");
        system.start(Role.RPC, "rpc");
        system.awaitReady(BOOT);
    }

    @AfterAll
    void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        if (collector != null) {
            collector.stop(0);
        }
    }

    private Optional<Span> named(String name, String traceId) {
        synchronized (spans) {
            return spans.stream()
                    .filter(s -> s.name().equals(name)
                            && (traceId == null || s.traceId().equals(traceId)))
                    .findFirst();
        }
    }

    private Span await(String name, String traceId) throws InterruptedException {
        long deadline = System.nanoTime() + SPANS_WITHIN.toNanos();
        synchronized (spans) {
            while (true) {
                Optional<Span> span = named(name, traceId);
                if (span.isPresent()) {
                    return span.get();
                }
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    fail("no span " + name + " within " + SPANS_WITHIN + "; got " + spans + " from " + requests);
                }
                spans.wait(left);
            }
        }
    }

    @Test
    void theSpansOfOneCallAcrossThreeProcessesFormOneTree() throws Exception {
        try (GatewaySocket client = GatewaySocket.open(gateway.gatewayUri(), Duration.ofSeconds(30))) {
            JsonObject reply = client.call("system.time", null).get(60, TimeUnit.SECONDS);
            assertFalse(reply.containsKey("error"), reply.toString());
        }

        Span call = await("txrx system.time", null);
        Span dispatch = await("txrx dispatch system.time", call.traceId());
        Span handle = await("txrx handle system.time", call.traceId());

        assertEquals("", call.parentSpanId(), "the gateway starts the trace: " + call);
        assertEquals(call.spanId(), dispatch.parentSpanId(), "the dispatcher's span is the call's child");
        assertEquals(dispatch.spanId(), handle.parentSpanId(), "the rpc instance's span is the dispatcher's child");
    }

    @Test
    void aCallThatCarriesATraceparentContinuesTheClientsTrace() throws Exception {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String clientSpan = "00f067aa0ba902b7";
        try (GatewaySocket client = GatewaySocket.open(gateway.gatewayUri(), Duration.ofSeconds(30))) {
            client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system.ping\",\"traceparent\":\"00-" + trace + "-"
                            + clientSpan + "-01\"}")
                    .get(30, TimeUnit.SECONDS);
            String reply = client.next(Duration.ofSeconds(60));
            assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"pong\"}", reply);
        }

        Span call = await("txrx system.ping", trace);
        Span handle = await("txrx handle system.ping", trace);

        assertEquals(clientSpan, call.parentSpanId(), "the gateway's span is the client's span's child");
        assertEquals(trace, handle.traceId());
    }

    /**
     * Just enough of the protobuf wire format to read the spans of an OTLP {@code ExportTraceServiceRequest}:
     * resource_spans (1) → scope_spans (2) → spans (2) → trace_id (1), span_id (2), parent_span_id (4), name (5).
     */
    static final class Otlp {
        private final byte[] data;
        private int at;
        private final int end;

        private Otlp(byte[] data, int from, int to) {
            this.data = data;
            this.at = from;
            this.end = to;
        }

        static List<Span> spans(byte[] request) {
            List<Span> found = new ArrayList<>();
            Otlp top = new Otlp(request, 0, request.length);
            while (top.more()) {
                long tag = top.varint();
                if (tag >>> 3 == 1 && (tag & 7) == 2) {
                    Otlp resourceSpans = top.embedded();
                    while (resourceSpans.more()) {
                        long t = resourceSpans.varint();
                        if (t >>> 3 == 2 && (t & 7) == 2) {
                            Otlp scopeSpans = resourceSpans.embedded();
                            while (scopeSpans.more()) {
                                long s = scopeSpans.varint();
                                if (s >>> 3 == 2 && (s & 7) == 2) {
                                    found.add(scopeSpans.embedded().span());
                                } else {
                                    scopeSpans.skip(s);
                                }
                            }
                        } else {
                            resourceSpans.skip(t);
                        }
                    }
                } else {
                    top.skip(tag);
                }
            }
            return found;
        }

        private Span span() {
            String traceId = "";
            String spanId = "";
            String parent = "";
            String name = "";
            while (more()) {
                long tag = varint();
                int field = (int) (tag >>> 3);
                if ((tag & 7) == 2 && (field == 1 || field == 2 || field == 4 || field == 5)) {
                    byte[] value = bytes();
                    switch (field) {
                        case 1 -> traceId = HexFormat.of().formatHex(value);
                        case 2 -> spanId = HexFormat.of().formatHex(value);
                        case 4 -> parent = HexFormat.of().formatHex(value);
                        default -> name = new String(value, StandardCharsets.UTF_8);
                    }
                } else {
                    skip(tag);
                }
            }
            return new Span(traceId, spanId, parent, name);
        }

        private boolean more() {
            return at < end;
        }

        private long varint() {
            long value = 0;
            for (int shift = 0; ; shift += 7) {
                byte b = data[at++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
        }

        private byte[] bytes() {
            int length = (int) varint();
            ByteArrayOutputStream out = new ByteArrayOutputStream(length);
            out.write(data, at, length);
            at += length;
            return out.toByteArray();
        }

        private Otlp embedded() {
            int length = (int) varint();
            Otlp inner = new Otlp(data, at, at + length);
            at += length;
            return inner;
        }

        private void skip(long tag) {
            switch ((int) (tag & 7)) {
                case 0 -> varint();
                case 1 -> at += 8;
                case 2 -> {
                    int length = (int) varint(); // read first: "at += varint()" would add to the old position
                    at += length;
                }
                case 5 -> at += 4;
                default -> throw new IllegalStateException("wire type " + (tag & 7));
            }
        }
    }
}
