package io.txrx.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One WebSocket connection to a gateway with at most one call in flight. Replies are matched
 * to the pending call by id; notifications and late replies to timed-out calls are ignored.
 */
final class EchoConnection implements WebSocket.Listener {

    private static final Logger LOG = Logger.getLogger(EchoConnection.class.getName());

    private record PendingCall(long id, long sentNanos, CompletableFuture<CallOutcome> outcome) {}

    private final URI gateway;
    private final EchoRequest request;
    private final AtomicReference<PendingCall> pending = new AtomicReference<>();
    private final StringBuilder partialFrame = new StringBuilder();
    private volatile WebSocket socket;
    private volatile boolean closed;

    private EchoConnection(URI gateway, EchoRequest request) {
        this.gateway = gateway;
        this.request = request;
    }

    /** Starts the handshake; the future fails if the gateway cannot be reached in time. */
    static CompletableFuture<EchoConnection> open(HttpClient http, URI gateway, EchoRequest request, Duration timeout) {
        EchoConnection connection = new EchoConnection(gateway, request);
        return http.newWebSocketBuilder()
                .connectTimeout(timeout)
                .buildAsync(gateway, connection)
                .thenApply(webSocket -> {
                    connection.socket = webSocket;
                    return connection;
                });
    }

    URI gateway() {
        return gateway;
    }

    boolean isClosed() {
        return closed;
    }

    /** Sends call {@code id} and waits, at most {@code timeout} in all, for its reply. */
    CallOutcome call(long id, Duration timeout) throws InterruptedException {
        PendingCall call = new PendingCall(id, System.nanoTime(), new CompletableFuture<>());
        pending.set(call);
        if (closed) {
            pending.compareAndSet(call, null);
            return CallOutcome.failed(CallOutcome.Status.CLOSED);
        }
        long deadline = call.sentNanos() + timeout.toNanos();
        if (!send(request.frame(id), timeout)) {
            pending.compareAndSet(call, null);
            return CallOutcome.failed(CallOutcome.Status.CLOSED);
        }
        try {
            return call.outcome().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            pending.compareAndSet(call, null);
            return CallOutcome.failed(CallOutcome.Status.TIMEOUT);
        } catch (ExecutionException e) {
            throw new IllegalStateException("reply futures are never completed exceptionally", e);
        }
    }

    /** Writes one frame; a send that fails or hangs leaves the connection unusable. */
    private boolean send(String frame, Duration timeout) throws InterruptedException {
        try {
            socket.sendText(frame, true).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (ExecutionException e) {
            markClosed("send failed: " + e.getCause());
        } catch (TimeoutException e) {
            markClosed("send did not complete within " + timeout.toSeconds() + " s");
        }
        return false;
    }

    /** Closes politely, waiting at most {@code timeout} for the close frame to go out. */
    void close(Duration timeout) {
        WebSocket webSocket = socket;
        closed = true;
        if (webSocket == null || webSocket.isOutputClosed()) {
            return;
        }
        try {
            webSocket
                    .sendClose(WebSocket.NORMAL_CLOSURE, "benchmark done")
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.FINE, "Close of {0} did not complete: {1}", new Object[] {gateway, e});
        } finally {
            webSocket.abort();
        }
    }

    @Override
    public void onOpen(WebSocket webSocket) {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        if (!last) {
            partialFrame.append(data);
        } else if (partialFrame.isEmpty()) {
            deliver(data.toString());
        } else {
            partialFrame.append(data);
            deliver(partialFrame.toString());
            partialFrame.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        markClosed("closed by gateway with status " + statusCode + " " + reason);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        markClosed("failed: " + error);
    }

    private void deliver(String frame) {
        long arrivedNanos = System.nanoTime();
        JsonRpcReply reply = JsonRpcReply.parse(frame);
        PendingCall call = pending.get();
        if (!reply.hasId() || call == null || call.id() != reply.id() || !pending.compareAndSet(call, null)) {
            LOG.log(Level.FINE, "Ignored frame from {0}: {1}", new Object[] {gateway, frame});
            return;
        }
        CallOutcome.Status status;
        if (reply.error()) {
            status = CallOutcome.Status.RPC_ERROR;
        } else if (request.isEchoedIn(frame)) {
            status = CallOutcome.Status.OK;
        } else {
            status = CallOutcome.Status.WRONG_ECHO;
        }
        call.outcome().complete(new CallOutcome(status, arrivedNanos - call.sentNanos()));
    }

    private void markClosed(String why) {
        if (!closed) {
            closed = true;
            LOG.log(Level.WARNING, "Connection to {0} {1}", new Object[] {gateway, why});
        }
        PendingCall call = pending.getAndSet(null);
        if (call != null) {
            call.outcome().complete(CallOutcome.failed(CallOutcome.Status.CLOSED));
        }
    }
}
