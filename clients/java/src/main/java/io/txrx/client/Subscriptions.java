package io.txrx.client;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The channels a client is subscribed to, and where each one resumes: after the last offset delivered, or
 * after the offset the server said the subscription started after, else where it was first asked to start.
 */
final class Subscriptions {

    /** Offsets a subscribe may ask for besides stream ids: only new messages, or everything kept. */
    static final String NEW_ONLY = "$";

    static final String EVERYTHING = "0";

    static final class Subscription {
        final String channel;
        final String start;
        final CompletableFuture<JsonValue> accepted = new CompletableFuture<>();
        volatile boolean active;
        Connection askedOn;

        Subscription(String channel, String start) {
            this.channel = channel;
            this.start = start;
        }
    }

    private final Map<String, Subscription> byChannel = new LinkedHashMap<>();
    private final OffsetTracker offsets = new OffsetTracker();

    static void checkOffset(String offset) {
        if (offset != null && !NEW_ONLY.equals(offset) && !StreamOffset.isValid(offset)) {
            throw new IllegalArgumentException("offset must be $, 0 or a stream id, not " + offset);
        }
    }

    synchronized Subscription get(String channel) {
        return byChannel.get(channel);
    }

    /** The channel's subscription, made now (starting at {@code start}, or {@code $}) if there was none. */
    synchronized Subscription add(String channel, String start) {
        return byChannel.computeIfAbsent(channel, name -> new Subscription(name, start == null ? NEW_ONLY : start));
    }

    synchronized Subscription remove(String channel) {
        offsets.forget(channel);
        return byChannel.remove(channel);
    }

    synchronized List<Subscription> all() {
        return new ArrayList<>(byChannel.values());
    }

    synchronized List<String> channels() {
        return List.copyOf(byChannel.keySet());
    }

    synchronized boolean isCurrent(Subscription subscription) {
        return byChannel.get(subscription.channel) == subscription;
    }

    /** Records that {@code subscription} is being asked for on {@code connection}; false if it already was. */
    synchronized boolean ask(Subscription subscription, Connection connection) {
        if (subscription.askedOn == connection) {
            return false;
        }
        subscription.askedOn = connection;
        return true;
    }

    synchronized void askFailed(Subscription subscription) {
        subscription.askedOn = null;
    }

    /** Where a subscribe asks to start: after the last offset delivered, else the first start. */
    String from(Subscription subscription) {
        String last = offsets.get(subscription.channel);
        return last != null ? last : subscription.start;
    }

    /** The server accepted: everything up to the offset it started after is covered. */
    void started(Subscription subscription, JsonValue result) {
        offsets.advance(subscription.channel, startsAfter(result));
        subscription.active = true;
    }

    /** Whether a message is for a channel subscribed to and new there (it then counts as delivered). */
    synchronized boolean accept(String channel, String offset) {
        return byChannel.containsKey(channel) && offsets.accept(channel, offset);
    }

    synchronized void socketLost() {
        byChannel.values().forEach(subscription -> {
            subscription.active = false;
            subscription.askedOn = null;
        });
    }

    /** The last offset delivered on {@code channel}, or {@code null}. */
    String lastOffset(String channel) {
        return offsets.get(channel);
    }

    /** The offset the reply to {@code channel.subscribe} says the subscription starts after, or {@code null}. */
    static String startsAfter(JsonValue result) {
        if (!(result instanceof JsonObject object)) {
            return null;
        }
        for (String key : List.of("after", "offset", "from")) {
            if (object.get(key) instanceof JsonString text && StreamOffset.isValid(text.getString())) {
                return text.getString();
            }
        }
        return null;
    }

    static boolean truncated(JsonValue result) {
        return result instanceof JsonObject object && object.get("truncated") == JsonValue.TRUE;
    }
}
