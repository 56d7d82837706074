package io.txrx.benchmark;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The benchmark's command line. Every option is bounded so that a run always ends by itself.
 *
 * @param gateways WebSocket URLs; clients are assigned to them round-robin
 * @param clients number of concurrent connections, each in a closed loop
 * @param seconds length of the measured window
 * @param warmupSeconds length of the unmeasured window before it
 * @param payloadBytes size of the {@code data} string echoed by every call
 * @param maxCalls upper bound on calls sent by all clients together, warm-up included
 * @param timeoutSeconds how long one call may wait for its reply (and a connection for its handshake)
 * @param metrics the {@code /metrics} URLs to read the hop times from; empty for each gateway's own
 */
record BenchmarkOptions(
        List<URI> gateways,
        int clients,
        int seconds,
        int warmupSeconds,
        int payloadBytes,
        long maxCalls,
        int timeoutSeconds,
        List<URI> metrics) {

    static final String DEFAULT_URL = "ws://127.0.0.1:8080/gateway/ws";
    static final int MAX_CLIENTS = 1_000;
    static final int MAX_SECONDS = 120;
    static final int MAX_WARMUP_SECONDS = 60;
    static final int MAX_PAYLOAD_BYTES = 1 << 20;
    static final long MAX_CALLS = 100_000_000L;
    static final int MAX_TIMEOUT_SECONDS = 60;

    static final String USAGE =
            """
            Usage: java -jar txrx-benchmark.jar [options]
              --url URL[,URL...]  gateway WebSocket URL(s), clients assigned round-robin
                                  (default %s)
              --clients N         concurrent connections, 1..%d (default 1)
              --seconds S         measured window, 1..%d (default 10)
              --warmup S          unmeasured warm-up before it, 0..%d (default 3)
              --payload BYTES     size of the echoed data string, 0..%d (default 64)
              --max-calls N       bound on all calls sent, warm-up included, 1..%d (default 5_000_000)
              --timeout S         reply and connect timeout, 1..%d (default 5)
              --metrics URL[,URL...]
                                  /metrics of every txrx process, for the per-hop times
                                  (default http://HOST:PORT/metrics of each --url)
              --help              print this text
            """
                    .formatted(
                            DEFAULT_URL,
                            MAX_CLIENTS,
                            MAX_SECONDS,
                            MAX_WARMUP_SECONDS,
                            MAX_PAYLOAD_BYTES,
                            MAX_CALLS,
                            MAX_TIMEOUT_SECONDS);

    static BenchmarkOptions defaults() {
        return new BenchmarkOptions(List.of(URI.create(DEFAULT_URL)), 1, 10, 3, 64, 5_000_000L, 5, List.of());
    }

    /** Parses {@code --name value} and {@code --name=value} options over the defaults. */
    static BenchmarkOptions parse(String... args) throws UsageException {
        BenchmarkOptions options = defaults();
        for (Map.Entry<String, String> option : namesAndValues(args)) {
            options = options.with(option.getKey(), option.getValue());
        }
        return options;
    }

    /**
     * The options of a command line as name and value, in order, from {@code --name value} or
     * {@code --name=value}; the benchmark's tools all read their options this way.
     */
    static List<Map.Entry<String, String>> namesAndValues(String... args) throws UsageException {
        List<Map.Entry<String, String>> options = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            int equals = name.indexOf('=');
            if (name.startsWith("--") && equals > 0) {
                options.add(Map.entry(name.substring(0, equals), name.substring(equals + 1)));
            } else if (i + 1 < args.length) {
                options.add(Map.entry(name, args[++i]));
            } else {
                throw new UsageException("option " + name + " needs a value");
            }
        }
        return options;
    }

    static boolean asksForHelp(String... args) {
        return List.of(args).contains("--help") || List.of(args).contains("-h");
    }

    /** The gateway for the client with this index: round-robin over {@link #gateways}. */
    URI gatewayFor(int clientIndex) {
        return gateways.get(clientIndex % gateways.size());
    }

    /** Where the hop times are read: {@link #metrics}, or else each gateway's host and port. */
    List<URI> metricsEndpoints() {
        return metrics.isEmpty() ? MetricsScraper.endpointsFor(gateways) : metrics;
    }

    private BenchmarkOptions with(String name, String value) throws UsageException {
        return switch (name) {
            case "--url" -> new BenchmarkOptions(
                    urls(value), clients, seconds, warmupSeconds, payloadBytes, maxCalls, timeoutSeconds, metrics);
            case "--clients" -> new BenchmarkOptions(
                    gateways,
                    (int) number(name, value, 1, MAX_CLIENTS),
                    seconds,
                    warmupSeconds,
                    payloadBytes,
                    maxCalls,
                    timeoutSeconds,
                    metrics);
            case "--seconds" -> new BenchmarkOptions(
                    gateways,
                    clients,
                    (int) number(name, value, 1, MAX_SECONDS),
                    warmupSeconds,
                    payloadBytes,
                    maxCalls,
                    timeoutSeconds,
                    metrics);
            case "--warmup" -> new BenchmarkOptions(
                    gateways,
                    clients,
                    seconds,
                    (int) number(name, value, 0, MAX_WARMUP_SECONDS),
                    payloadBytes,
                    maxCalls,
                    timeoutSeconds,
                    metrics);
            case "--payload" -> new BenchmarkOptions(
                    gateways,
                    clients,
                    seconds,
                    warmupSeconds,
                    (int) number(name, value, 0, MAX_PAYLOAD_BYTES),
                    maxCalls,
                    timeoutSeconds,
                    metrics);
            case "--max-calls" -> new BenchmarkOptions(
                    gateways,
                    clients,
                    seconds,
                    warmupSeconds,
                    payloadBytes,
                    number(name, value, 1, MAX_CALLS),
                    timeoutSeconds,
                    metrics);
            case "--timeout" -> new BenchmarkOptions(
                    gateways,
                    clients,
                    seconds,
                    warmupSeconds,
                    payloadBytes,
                    maxCalls,
                    (int) number(name, value, 1, MAX_TIMEOUT_SECONDS),
                    metrics);
            case "--metrics" -> new BenchmarkOptions(
                    gateways,
                    clients,
                    seconds,
                    warmupSeconds,
                    payloadBytes,
                    maxCalls,
                    timeoutSeconds,
                    metricsUrls(value));
            default -> throw new UsageException("unknown option " + name);
        };
    }

    /** A whole number (underscores allowed) within {@code min..max}. */
    static long number(String name, String value, long min, long max) throws UsageException {
        long parsed;
        try {
            parsed = Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new UsageException(name + " needs a whole number, got '" + value + "'");
        }
        if (parsed < min || parsed > max) {
            throw new UsageException(name + " must be between " + min + " and " + max + ", got " + parsed);
        }
        return parsed;
    }

    private static List<URI> urls(String value) throws UsageException {
        List<URI> urls = new ArrayList<>();
        for (String part : value.split(",")) {
            String trimmed = part.trim();
            if (!trimmed.isEmpty()) {
                urls.add(url(trimmed));
            }
        }
        if (urls.isEmpty()) {
            throw new UsageException("--url needs at least one ws:// or wss:// URL");
        }
        return List.copyOf(urls);
    }

    private static List<URI> metricsUrls(String value) throws UsageException {
        Set<URI> urls = new LinkedHashSet<>();
        for (String part : value.split(",")) {
            String text = part.trim();
            if (text.isEmpty()) {
                continue;
            }
            try {
                URI uri = new URI(text);
                if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                    throw new UsageException(
                            "--metrics must be http://HOST:PORT/metrics or https://..., got '" + text + "'");
                }
                urls.add(uri);
            } catch (URISyntaxException e) {
                throw new UsageException("--metrics is not a URL: '" + text + "' (" + e.getReason() + ")");
            }
        }
        if (urls.isEmpty()) {
            throw new UsageException("--metrics needs at least one http:// or https:// URL");
        }
        return List.copyOf(urls);
    }

    private static URI url(String text) throws UsageException {
        try {
            URI uri = new URI(text);
            if (!"ws".equals(uri.getScheme()) && !"wss".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new UsageException("--url must be ws://HOST:PORT/PATH or wss://..., got '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new UsageException("--url is not a URL: '" + text + "' (" + e.getReason() + ")");
        }
    }
}
