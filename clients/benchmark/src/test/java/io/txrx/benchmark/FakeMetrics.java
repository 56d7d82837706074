package io.txrx.benchmark;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in {@code /metrics} on the JDK's HTTP server: each scrape answers one more {@code hop="call"} call
 * of 3 ms than the one before (Payara's way: the series printed twice, with its scope label), or the given
 * HTTP status; or a scrape with no hop at all.
 */
final class FakeMetrics implements AutoCloseable {

    private static final String OTHER =
            "# TYPE cpu_availableProcessors gauge\ncpu_availableProcessors{mp_scope=\"base\"} 2.0\n";

    private final HttpServer server;
    private final AtomicInteger scrapes = new AtomicInteger();

    FakeMetrics(int status) throws IOException {
        this(status, true);
    }

    FakeMetrics(int status, boolean withHops) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/metrics", exchange -> {
            int calls = scrapes.getAndIncrement();
            byte[] body =
                    (status != 200 ? "not here" : withHops ? scrape(calls) : OTHER).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/metrics");
    }

    int scrapes() {
        return scrapes.get();
    }

    private static String scrape(int calls) {
        String once =
                """
                # TYPE txrx_hop_seconds_bucket gauge
                txrx_hop_seconds_bucket{hop="call",le="0.001",mp_scope="application"} 0
                txrx_hop_seconds_bucket{hop="call",le="0.005",mp_scope="application"} %1$d
                txrx_hop_seconds_bucket{hop="call",le="+Inf",mp_scope="application"} %1$d
                # TYPE txrx_hop_seconds_count gauge
                txrx_hop_seconds_count{hop="call",mp_scope="application"} %1$d
                # TYPE txrx_hop_seconds_sum gauge
                txrx_hop_seconds_sum{hop="call",mp_scope="application"} %2$s
                """
                        .formatted(calls, calls * 0.003);
        return once + once + OTHER;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
