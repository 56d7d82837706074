package io.txrx.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * One socket to one gateway: text frames in (assembled from their parts), text frames out (one at a time, as
 * {@link WebSocket} requires, in the order given), and exactly one {@link Events#lost} however it ends.
 */
final class Connection {

    /** Close code when the client gives up on a socket itself (no handshake in time, no heartbeat reply). */
    static final int GAVE_UP = 4000;
    /** Close code when the socket ended without a close frame (a killed gateway, a cut network). */
    static final int ABNORMAL = 1006;

    /** What the owner hears; each called on the socket's thread, one at a time. */
    interface Events {
        void opened(Connection connection);

        void received(Connection connection, String text);

        void lost(Connection connection, int code, String reason);
    }

    private final URI uri;
    private final Events events;
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile WebSocket socket;
    private volatile long lastReceived = System.nanoTime();
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);

    Connection(URI uri, Events events) {
        this.uri = uri;
        this.events = events;
    }

    URI uri() {
        return uri;
    }

    /**
     * Starts the handshake; {@link Events#opened} or {@link Events#lost} follows.
     *
     * @return the handshake, failed with its cause (after {@link Events#lost}) when it fails
     */
    CompletableFuture<WebSocket> open(HttpClient http, Map<String, String> headers, Duration timeout) {
        WebSocket.Builder builder = http.newWebSocketBuilder().connectTimeout(timeout);
        headers.forEach(builder::header);
        return builder.buildAsync(uri, new Listener()).whenComplete((opened, failure) -> {
            if (failure != null) {
                lose(GAVE_UP, "cannot connect: " + rootMessage(failure));
            }
        });
    }

    /** Sends a text frame after the ones before it; a failed send ends the socket. */
    CompletableFuture<Void> send(String text) {
        return enqueue(target -> target.sendText(text, true));
    }

    /** Sends a binary frame after the ones before it (a gateway answers those with an error). */
    CompletableFuture<Void> sendBinary(ByteBuffer data) {
        return enqueue(target -> target.sendBinary(data, true));
    }

    /**
     * Sends a WebSocket ping if nothing arrived for {@code idle}. The JDK's WebSocket can miss the end of a
     * socket: when the gateway's FIN arrives while the previous message is still being handed over (no demand
     * at its transport), {@code acknowledgeReception} throws an {@code InternalError} on the selector thread,
     * reading stops, and neither {@code onClose} nor {@code onError} is ever called. The socket then sits in
     * CLOSE_WAIT for good. A closed gateway answers the first ping with a reset and the next ping cannot be
     * written, which ends the socket here ({@link #enqueue}); a live gateway answers with a pong.
     *
     * @return whether a ping was sent
     */
    boolean probe(Duration idle) {
        if (socket == null || ended.get() || System.nanoTime() - lastReceived < idle.toNanos()) {
            return false;
        }
        enqueue(target -> target.sendPing(ByteBuffer.allocate(0)));
        return true;
    }

    private synchronized CompletableFuture<Void> enqueue(Function<WebSocket, CompletableFuture<WebSocket>> frame) {
        WebSocket target = socket;
        if (target == null || ended.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("not connected to " + uri));
        }
        CompletableFuture<Void> sent = lastSend.handle((ignored, failure) -> null)
                .thenCompose(ignored -> frame.apply(target))
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        abort("send failed: " + rootMessage(failure));
                    }
                })
                .thenApply(ignored -> null);
        lastSend = sent;
        return sent;
    }

    /** A clean close: a close frame, then the socket is dropped if the gateway does not answer in time. */
    void close() {
        WebSocket target = socket;
        ended.set(true);
        if (target != null && !target.isOutputClosed()) {
            target.sendClose(WebSocket.NORMAL_CLOSURE, "client closed")
                    .orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((ignored, failure) -> target.abort());
        } else if (target != null) {
            target.abort();
        }
    }

    /** Drops the socket at once and reports it lost. */
    void abort(String reason) {
        WebSocket target = socket;
        if (target != null) {
            target.abort();
        }
        lose(GAVE_UP, reason);
    }

    private void lose(int code, String reason) {
        if (ended.compareAndSet(false, true)) {
            events.lost(this, code, reason);
        }
    }

    static String rootMessage(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            events.opened(Connection.this);
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            lastReceived = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (!ended.get()) {
                    events.received(Connection.this, text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPong(WebSocket webSocket, ByteBuffer message) {
            lastReceived = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onPing(WebSocket webSocket, ByteBuffer message) {
            lastReceived = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            lastReceived = System.nanoTime();
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            lose(statusCode, reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lose(ABNORMAL, rootMessage(error));
        }
    }
}
