package io.txrx.client;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One plain socket to one gateway, without reconnects or channels: for probes, tests and load generators
 * that want to see the wire. Calls get their reply by id; every other frame (pushes, replies nobody waits
 * for, answers to raw frames sent with {@link #send}) is kept in arrival order for {@link #next}. For
 * applications, {@link TxrxClient} adds failover, subscriptions and timeouts on top of the same socket.
 */
public final class GatewaySocket implements AutoCloseable {

    /** How the socket ended: the close code and reason the gateway sent, or 1006 when it just dropped. */
    public record Closed(int code, String reason) {}

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, CompletableFuture<JsonObject>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    private final List<String> strays = new CopyOnWriteArrayList<>();
    private final CompletableFuture<GatewaySocket> opened = new CompletableFuture<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    private final Connection connection;

    private GatewaySocket(URI uri) {
        this.connection = new Connection(uri, new Events());
    }

    /**
     * Opens a socket, sending an {@code Origin} of the gateway's own site (as its page would).
     *
     * @throws IOException when the handshake fails or does not finish within {@code timeout}
     */
    public static GatewaySocket open(URI uri, Duration timeout) throws IOException, InterruptedException {
        try {
            return open(HttpClient.newBuilder().connectTimeout(timeout).build(), uri, timeout)
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot open " + uri + ": " + Connection.rootMessage(e), e);
        }
    }

    /** Starts the handshake on a shared HTTP client (many sockets at once); fails if it does not open. */
    public static CompletableFuture<GatewaySocket> open(HttpClient http, URI uri, Duration timeout) {
        GatewaySocket socket = new GatewaySocket(uri);
        socket.connection
                .open(http, Map.of("Origin", "http://" + uri.getHost() + ":" + uri.getPort()), timeout)
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        socket.opened.completeExceptionally(failure);
                    }
                });
        return socket.opened;
    }

    public URI uri() {
        return connection.uri();
    }

    /**
     * Sends a call with a fresh numeric id.
     *
     * @param params the {@code params}, or {@code null} for none
     * @return the whole reply object ({@code result} or {@code error}); fails if the socket ends first
     */
    public CompletableFuture<JsonObject> call(String method, JsonValue params) {
        long id = ids.incrementAndGet();
        CompletableFuture<JsonObject> reply = new CompletableFuture<>();
        pending.put(id, reply);
        connection.send(Frames.call(id, method, params)).whenComplete((ignored, failure) -> {
            if (failure != null && pending.remove(id) != null) {
                reply.completeExceptionally(failure);
            }
        });
        return reply;
    }

    /** Sends any text frame (a notification, a batch, garbage); frames leave in the order given. */
    public CompletableFuture<Void> send(String text) {
        return connection.send(text);
    }

    public CompletableFuture<Void> sendBinary(byte[] data) {
        return connection.sendBinary(ByteBuffer.wrap(data));
    }

    /** The next frame that answered no call, failing with an {@link AssertionError} if none comes in time. */
    public String next(Duration timeout) throws InterruptedException {
        String frame = poll(timeout);
        if (frame == null) {
            throw new AssertionError("no frame from " + uri() + " within " + timeout);
        }
        return frame;
    }

    /** The next frame that answered no call, or {@code null} if none comes in time. */
    public String poll(Duration timeout) throws InterruptedException {
        return frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Replies that matched no waiting call (a duplicate, an unknown id, an error without id), so far. */
    public List<String> strays() {
        return List.copyOf(strays);
    }

    /** Completes when the gateway or the network ends the socket. */
    public CompletableFuture<Closed> closed() {
        return closed;
    }

    /** A close frame (1000), then the socket is dropped if the gateway does not answer within 5 s. */
    @Override
    public void close() {
        connection.close();
    }

    private void receive(String text) {
        JsonObject reply = replyIn(text);
        if (reply != null) {
            JsonValue id = reply.getOrDefault("id", JsonValue.NULL);
            CompletableFuture<JsonObject> waiting =
                    id instanceof JsonNumber number ? pending.remove(number.longValue()) : null;
            if (waiting != null) {
                waiting.complete(reply);
                return;
            }
            strays.add(text);
        }
        frames.add(text);
    }

    /** The frame as a reply object; {@code null} for a push, a batch or text that is not a JSON object. */
    private static JsonObject replyIn(String text) {
        if (!text.startsWith("{")) {
            return null;
        }
        try {
            JsonObject message = readObject(text);
            return message.containsKey("method") ? null : message;
        } catch (JsonException e) {
            return null;
        }
    }

    private static JsonObject readObject(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private final class Events implements Connection.Events {
        @Override
        public void opened(Connection connection) {
            opened.complete(GatewaySocket.this);
        }

        @Override
        public void received(Connection connection, String text) {
            receive(text);
        }

        @Override
        public void lost(Connection connection, int code, String reason) {
            IOException failure = new IOException("socket to " + uri() + " ended: " + code + " " + reason);
            pending.values().forEach(reply -> reply.completeExceptionally(failure));
            pending.clear();
            closed.complete(new Closed(code, reason));
        }
    }
}
