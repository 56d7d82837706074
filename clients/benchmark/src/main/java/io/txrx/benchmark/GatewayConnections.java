package io.txrx.benchmark;

import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpTimeoutException;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** The benchmark's open connections, one per client, assigned to the gateways round-robin. */
final class GatewayConnections implements AutoCloseable {

    private final List<EchoConnection> connections;

    private GatewayConnections(List<EchoConnection> connections) {
        this.connections = connections;
    }

    /** Opens every client's connection, or none: on the first failure the others are closed. */
    static GatewayConnections open(BenchmarkOptions options, EchoRequest request)
            throws GatewayUnreachableException, InterruptedException {
        Duration timeout = Duration.ofSeconds(options.timeoutSeconds());
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        List<CompletableFuture<EchoConnection>> handshakes = new ArrayList<>();
        for (int client = 0; client < options.clients(); client++) {
            handshakes.add(EchoConnection.open(http, options.gatewayFor(client), request, timeout));
        }
        GatewayConnections opened = new GatewayConnections(new ArrayList<>());
        long deadline = System.nanoTime() + timeout.toNanos() + TimeUnit.SECONDS.toNanos(1);
        for (int client = 0; client < handshakes.size(); client++) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                opened.connections.add(handshakes.get(client).get(left, TimeUnit.NANOSECONDS));
            } catch (ExecutionException | TimeoutException e) {
                handshakes.forEach(handshake -> handshake.thenAccept(EchoConnection::close));
                opened.close();
                URI gateway = options.gatewayFor(client);
                throw new GatewayUnreachableException("cannot connect to " + gateway + ": " + reason(e), e);
            }
        }
        return opened;
    }

    List<EchoConnection> all() {
        return connections;
    }

    long lost() {
        return connections.stream().filter(EchoConnection::isClosed).count();
    }

    @Override
    public void close() {
        connections.forEach(EchoConnection::close);
    }

    /** A one-line reason a person can act on, from the failure of a handshake. */
    static String reason(Throwable failure) {
        if (failure instanceof TimeoutException) {
            return "no WebSocket handshake within the timeout";
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof WebSocketHandshakeException handshake) {
                return "handshake refused with HTTP " + handshake.getResponse().statusCode()
                        + " (is the path right? the gateway listens on /gateway/ws)";
            }
            if (cause instanceof HttpTimeoutException) {
                return "no answer within the timeout (" + cause.getMessage() + ")";
            }
            if (cause instanceof ConnectException) {
                return "connection refused (is a gateway running and listening there?)";
            }
        }
        Throwable described = failure;
        while (described.getCause() != null
                && (described instanceof ExecutionException || described instanceof CompletionException)) {
            described = described.getCause();
        }
        String message = described.getMessage();
        String kind = described.getClass().getSimpleName();
        return message == null || message.isBlank() ? kind : kind + ": " + message;
    }
}
