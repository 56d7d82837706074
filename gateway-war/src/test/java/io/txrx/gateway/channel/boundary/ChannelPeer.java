package io.txrx.gateway.channel.boundary;

import io.txrx.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One test socket speaking to a gateway: calls wait for their own reply while the {@code channel.message}
 * pushes that arrive meanwhile are kept per channel, in arrival order.
 */
final class ChannelPeer implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(15);

    /** A push as the socket received it. */
    record Push(String offset, JsonValue data) {}

    private final WsClient client;
    private final Map<String, List<Push>> pushes = new HashMap<>();
    private final Map<Long, JsonValue> replies = new HashMap<>();
    private long nextId;

    private ChannelPeer(WsClient client) {
        this.client = client;
    }

    static ChannelPeer connect(URL gateway) {
        return new ChannelPeer(
                WsClient.connect(java.net.URI.create(gateway.toString().replaceFirst("^http", "ws") + "ws")));
    }

    /** Calls a method and answers its reply object. */
    JsonObject call(String method, String paramsJson) throws InterruptedException {
        long id = ++nextId;
        client.send(
                "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\",\"params\":" + paramsJson + "}");
        return (JsonObject) awaitReply(id);
    }

    /** The result of a call that must succeed. */
    JsonObject result(String method, String paramsJson) throws InterruptedException {
        JsonObject reply = call(method, paramsJson);
        if (!reply.containsKey("result")) {
            throw new AssertionError(method + " " + paramsJson + " failed: " + reply);
        }
        return reply.getJsonObject("result");
    }

    /** The error code of a call that must fail. */
    int errorCode(String method, String paramsJson) throws InterruptedException {
        JsonObject reply = call(method, paramsJson);
        if (!reply.containsKey("error")) {
            throw new AssertionError(method + " " + paramsJson + " should have failed: " + reply);
        }
        return reply.getJsonObject("error").getInt("code");
    }

    /** Publishes {@code data} values as one batch frame and answers their offsets, in order. */
    List<String> publishBatch(String channel, List<Integer> values) throws InterruptedException {
        StringBuilder batch = new StringBuilder("[");
        long first = nextId + 1;
        for (int value : values) {
            batch.append(batch.length() > 1 ? "," : "")
                    .append("{\"jsonrpc\":\"2.0\",\"id\":")
                    .append(++nextId)
                    .append(",\"method\":\"channel.publish\",\"params\":{\"channel\":\"")
                    .append(channel)
                    .append("\",\"data\":")
                    .append(value)
                    .append("}}");
        }
        client.send(batch.append(']').toString());
        List<String> offsets = new ArrayList<>();
        for (long id = first; id <= nextId; id++) {
            offsets.add(((JsonObject) awaitReply(id)).getJsonObject("result").getString("offset"));
        }
        return offsets;
    }

    /** The first {@code count} pushes of a channel, waiting for them as long as needed (up to {@link #WAIT}). */
    List<Push> pushes(String channel, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pushes.getOrDefault(channel, List.of()).size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new AssertionError(
                        "Got " + pushes.getOrDefault(channel, List.of()).size() + " of " + count + " messages of "
                                + channel + " within " + WAIT);
            }
            take(client.poll(Duration.ofNanos(left)));
        }
        return List.copyOf(pushes.get(channel));
    }

    /** Every push of a channel received so far, after reading whatever arrives within {@code quiet}. */
    List<Push> pushesAfter(String channel, Duration quiet) throws InterruptedException {
        String frame;
        while ((frame = client.poll(quiet)) != null) {
            take(frame);
        }
        return List.copyOf(pushes.getOrDefault(channel, List.of()));
    }

    private JsonValue awaitReply(long id) throws InterruptedException {
        while (!replies.containsKey(id)) {
            take(client.next(WAIT));
        }
        return replies.remove(id);
    }

    private void take(String frame) {
        if (frame == null) {
            return;
        }
        JsonStructure json = Json.createReader(new StringReader(frame)).read();
        if (json instanceof JsonArray batch) {
            batch.forEach(reply ->
                    replies.put(((JsonObject) reply).getJsonNumber("id").longValue(), reply));
            return;
        }
        JsonObject message = (JsonObject) json;
        if ("channel.message".equals(message.getString("method", null))) {
            JsonObject params = message.getJsonObject("params");
            pushes.computeIfAbsent(params.getString("channel"), c -> new ArrayList<>())
                    .add(new Push(params.getString("offset"), params.get("data")));
            return;
        }
        replies.put(message.getJsonNumber("id").longValue(), message);
    }

    @Override
    public void close() {
        client.close();
    }
}
