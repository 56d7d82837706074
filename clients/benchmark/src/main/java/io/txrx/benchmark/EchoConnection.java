package io.txrx.benchmark;

import io.txrx.client.GatewaySocket;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client's socket to a gateway with at most one call in flight, timed from just before the send to the
 * arrival of the reply; pushes and late replies to timed-out calls are left aside by the socket.
 */
final class EchoConnection {

    private static final Logger LOG = Logger.getLogger(EchoConnection.class.getName());

    private final GatewaySocket socket;
    private final EchoRequest request;

    private EchoConnection(GatewaySocket socket, EchoRequest request) {
        this.socket = socket;
        this.request = request;
    }

    /** Starts the handshake; the future fails if the gateway cannot be reached in time. */
    static CompletableFuture<EchoConnection> open(HttpClient http, URI gateway, EchoRequest request, Duration timeout) {
        return GatewaySocket.open(http, gateway, timeout).thenApply(socket -> new EchoConnection(socket, request));
    }

    URI gateway() {
        return socket.uri();
    }

    boolean isClosed() {
        return socket.closed().isDone();
    }

    /** Sends one call and waits, at most {@code timeout} in all, for its reply. */
    CallOutcome call(Duration timeout) throws InterruptedException {
        if (isClosed()) {
            return CallOutcome.failed(CallOutcome.Status.CLOSED);
        }
        long sentNanos = System.nanoTime();
        CompletableFuture<JsonObject> reply = socket.call(EchoRequest.METHOD, request.params());
        try {
            JsonObject message = reply.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            long latency = System.nanoTime() - sentNanos;
            return new CallOutcome(status(message), latency);
        } catch (TimeoutException e) {
            return CallOutcome.failed(CallOutcome.Status.TIMEOUT);
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "Connection to {0} lost: {1}", new Object[] {
                gateway(), e.getCause().getMessage()
            });
            return CallOutcome.failed(CallOutcome.Status.CLOSED);
        }
    }

    private CallOutcome.Status status(JsonObject reply) {
        if (reply.containsKey("error")) {
            return CallOutcome.Status.RPC_ERROR;
        }
        return request.isEchoedIn(reply) ? CallOutcome.Status.OK : CallOutcome.Status.WRONG_ECHO;
    }

    /** Closes politely; the socket is dropped if the gateway does not answer the close in time. */
    void close() {
        socket.close();
    }
}
