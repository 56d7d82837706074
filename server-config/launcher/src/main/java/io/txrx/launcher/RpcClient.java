package io.txrx.launcher;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small JSON-RPC 2.0 client over WebSocket: calls get their reply by id, server pushes (notifications) are
 * collected in {@link #pushes()}, and replies nobody waits for (unknown or repeated ids) in {@link #strays()}.
 */
public final class RpcClient implements AutoCloseable {

    private final AtomicLong ids = new AtomicLong();
    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final BlockingQueue<String> pushes = new LinkedBlockingQueue<>();
    private final List<String> strays = new CopyOnWriteArrayList<>();
    private final CompletableFuture<String> closed = new CompletableFuture<>();
    private CompletableFuture<?> lastSend = CompletableFuture.completedFuture(null);
    private WebSocket socket;

    private RpcClient() {}

    /** Opens the socket, sending an {@code Origin} of the gateway's own site (as its page would). */
    public static RpcClient connect(URI uri, Duration timeout) throws IOException, InterruptedException {
        RpcClient client = new RpcClient();
        HttpClient http = HttpClient.newBuilder().connectTimeout(timeout).build();
        try {
            client.socket = http.newWebSocketBuilder()
                    .connectTimeout(timeout)
                    .header("Origin", "http://" + uri.getHost() + ":" + uri.getPort())
                    .buildAsync(uri, client.new Listener())
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return client;
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("cannot open " + uri + ": " + e.getMessage(), e);
        }
    }

    /**
     * Sends a call with a fresh numeric id.
     *
     * @param paramsJson the {@code params} as JSON text, or {@code null} for none
     * @return the reply object as JSON text
     */
    public CompletableFuture<String> call(String method, String paramsJson) {
        long id = ids.incrementAndGet();
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(Long.toString(id), reply);
        String params = paramsJson == null ? "" : ",\"params\":" + paramsJson;
        send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":" + Json.createValue(method) + params + "}")
                .whenComplete((ignored, failure) -> {
                    if (failure != null) {
                        pending.remove(Long.toString(id));
                        reply.completeExceptionally(failure);
                    }
                });
        return reply;
    }

    /** Sends any text frame (a notification, a batch, garbage); frames leave in order. */
    public synchronized CompletableFuture<Void> send(String text) {
        CompletableFuture<Void> sent = lastSend.handle((ignored, failure) -> null)
                .thenCompose(ignored -> socket.sendText(text, true))
                .thenApply(ignored -> null);
        lastSend = sent;
        return sent;
    }

    /** Notifications the server pushed, in arrival order. */
    public BlockingQueue<String> pushes() {
        return pushes;
    }

    /** Replies that matched no waiting call: a duplicate, an unknown id, or an error without id. */
    public List<String> strays() {
        return List.copyOf(strays);
    }

    public int waiting() {
        return pending.size();
    }

    /** Completes with the close reason when the server or the network closes the socket. */
    public CompletableFuture<String> closed() {
        return closed;
    }

    @Override
    public void close() {
        if (socket != null && !socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye")
                    .orTimeout(5, TimeUnit.SECONDS)
                    .whenComplete((ignored, failure) -> socket.abort());
        }
    }

    private void receive(String text) {
        JsonStructure message;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            message = reader.read();
        } catch (JsonException e) {
            strays.add(text);
            return;
        }
        if (message.getValueType() == JsonValue.ValueType.ARRAY) {
            message.asJsonArray().forEach(this::receiveOne);
        } else {
            receiveOne(message);
        }
    }

    private void receiveOne(JsonValue value) {
        if (value.getValueType() != JsonValue.ValueType.OBJECT) {
            strays.add(value.toString());
            return;
        }
        JsonObject message = value.asJsonObject();
        JsonValue id = message.get("id");
        if (id == null && message.containsKey("method")) {
            pushes.add(message.toString());
            return;
        }
        CompletableFuture<String> reply = id == null ? null : pending.remove(id.toString());
        if (reply == null) {
            strays.add(message.toString());
        } else {
            reply.complete(message.toString());
        }
    }

    private void fail(Throwable failure) {
        pending.values().forEach(reply -> reply.completeExceptionally(failure));
        pending.clear();
    }

    private final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                receive(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            fail(new IOException("socket closed: " + statusCode + " " + reason));
            closed.complete(statusCode + " " + reason);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            fail(error);
            closed.complete("error: " + error);
        }
    }
}
