package io.txrx.client;

import io.txrx.channel.ChannelMessage;
import io.txrx.client.Subscriptions.Subscription;
import io.txrx.jsonrpc.Methods;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The channel methods of a client: subscriptions made again on every new socket from the last offset
 * delivered, and {@code channel.message} pushes handed to the listeners exactly once, in offset order; the
 * channels an {@code auth.signedOut} push names as ended are dropped.
 */
final class Channels implements Session.Owner {

    private final Session session;
    private final Listeners listeners;
    private final Subscriptions subscriptions = new Subscriptions();
    private final Object deliveries = new Object();
    private final Supplier<? extends CompletionStage<?>> beforeResubscribe;

    /** @param beforeResubscribe what runs on each new socket before the channels are asked for (or null) */
    Channels(Session session, Listeners listeners, Supplier<? extends CompletionStage<?>> beforeResubscribe) {
        this.session = session;
        this.listeners = listeners;
        this.beforeResubscribe = beforeResubscribe;
    }

    CompletableFuture<JsonValue> subscribe(String channel, String offset) {
        checkChannel(channel);
        Subscriptions.checkOffset(offset);
        synchronized (session) {
            if (session.isClosed()) {
                return CompletableFuture.failedFuture(
                        RpcError.local(RpcError.Kind.CLOSED, Methods.CHANNEL_SUBSCRIBE, "client closed"));
            }
            Subscription subscription = subscriptions.add(channel, offset);
            Connection now = session.current();
            if (now != null) {
                ask(subscription, now);
            }
            return subscription.accepted;
        }
    }

    CompletableFuture<JsonValue> unsubscribe(String channel) {
        checkChannel(channel);
        Subscription subscription = subscriptions.remove(channel);
        if (subscription == null) {
            return CompletableFuture.completedFuture(JsonValue.NULL);
        }
        subscription.accepted.completeExceptionally(
                RpcError.local(RpcError.Kind.CLOSED, Methods.CHANNEL_SUBSCRIBE, "unsubscribed from " + channel));
        return session.isConnected()
                ? session.call(
                        Methods.CHANNEL_UNSUBSCRIBE,
                        Json.createObjectBuilder().add("channel", channel).build(),
                        CallOptions.DEFAULT)
                : CompletableFuture.completedFuture(JsonValue.NULL);
    }

    CompletableFuture<String> publish(String channel, JsonValue data, CallOptions options) {
        checkChannel(channel);
        JsonObject params = Json.createObjectBuilder()
                .add("channel", channel)
                .add("data", data)
                .build();
        return session.call(Methods.CHANNEL_PUBLISH, params, options).thenApply(Channels::offsetOf);
    }

    CompletableFuture<JsonValue> history(String channel, String from, String to, Integer limit) {
        checkChannel(channel);
        JsonObjectBuilder params = Json.createObjectBuilder().add("channel", channel);
        if (from != null) {
            params.add("from", from);
        }
        if (to != null) {
            params.add("to", to);
        }
        if (limit != null) {
            params.add("limit", limit);
        }
        return session.call(Methods.CHANNEL_HISTORY, params.build(), CallOptions.DEFAULT);
    }

    List<String> channels() {
        return subscriptions.channels();
    }

    String lastOffset(String channel) {
        return subscriptions.lastOffset(channel);
    }

    /** The client closed: subscribes still waiting fail. */
    void closed() {
        RpcError closed = RpcError.local(RpcError.Kind.CLOSED, Methods.CHANNEL_SUBSCRIBE, "client closed");
        subscriptions.all().forEach(subscription -> subscription.accepted.completeExceptionally(closed));
    }

    @Override
    public void opened(Connection connection) {
        subscriptions.socketLost();
        if (beforeResubscribe == null) {
            askAll(connection);
            return;
        }
        CompletionStage<?> ready;
        try {
            ready = beforeResubscribe.get();
        } catch (RuntimeException e) {
            listeners.error(e);
            askAll(connection);
            return;
        }
        ready.whenComplete((done, failure) -> {
            if (failure != null) {
                listeners.error(failure);
            }
            synchronized (session) {
                if (session.current() == connection) { // else a newer socket asks for them
                    askAll(connection);
                }
            }
        });
    }

    private void askAll(Connection connection) {
        subscriptions.all().forEach(subscription -> ask(subscription, connection));
    }

    @Override
    public void push(String method, JsonValue params) {
        if (!Methods.CHANNEL_MESSAGE.equals(method) || !(params instanceof JsonObject message)) {
            if (Methods.AUTH_SIGNED_OUT.equals(method)) {
                signedOut(params);
            }
            listeners.notification(method, params);
            return;
        }
        String channel = message.getString("channel", null);
        String offset = message.getString("offset", null);
        synchronized (deliveries) {
            if (channel != null && subscriptions.accept(channel, offset)) {
                listeners.message(new ChannelMessage(channel, offset, message.getOrDefault("data", JsonValue.NULL)));
            }
        }
    }

    /** Signed out by the server: the channels it ended are no longer subscribed, nor asked for again. */
    private void signedOut(JsonValue params) {
        if (!(params instanceof JsonObject object) || !(object.get("unsubscribed") instanceof JsonArray ended)) {
            return;
        }
        for (JsonValue channel : ended) {
            if (channel instanceof JsonString name) {
                Subscription subscription = subscriptions.remove(name.getString());
                if (subscription != null) {
                    subscription.accepted.completeExceptionally(RpcError.local(
                            RpcError.Kind.CLOSED,
                            Methods.CHANNEL_SUBSCRIBE,
                            "signed out, " + name.getString() + " ended"));
                }
            }
        }
    }

    private void ask(Subscription subscription, Connection on) {
        if (!subscriptions.ask(subscription, on)) {
            return;
        }
        String from = subscriptions.from(subscription);
        JsonObject params = Json.createObjectBuilder()
                .add("channel", subscription.channel)
                .add("offset", from)
                .build();
        session.call(Methods.CHANNEL_SUBSCRIBE, params, CallOptions.DEFAULT)
                .whenComplete((result, failure) -> answered(subscription, on, from, result, failure));
    }

    private void answered(Subscription subscription, Connection on, String from, JsonValue result, Throwable failure) {
        if (!subscriptions.isCurrent(subscription)) {
            return;
        }
        if (failure == null) {
            subscriptions.started(subscription, result);
            if (Subscriptions.truncated(result)) {
                listeners.truncated(subscription.channel, from, result);
            }
            subscription.accepted.complete(result);
            return;
        }
        RpcError error = failure instanceof RpcError rpc
                ? rpc
                : RpcError.local(RpcError.Kind.DISCONNECTED, Methods.CHANNEL_SUBSCRIBE, failure.toString());
        if (error.kind() == RpcError.Kind.REPLY) {
            // refused (forbidden, invalid): the subscription ends here
            subscriptions.remove(subscription.channel);
            subscription.accepted.completeExceptionally(error);
            listeners.error(error);
        } else if (error.kind() == RpcError.Kind.TIMEOUT) {
            listeners.error(error);
            synchronized (session) {
                subscriptions.askFailed(subscription);
                if (session.isCurrent(on)) {
                    ask(subscription, on);
                }
            }
        }
        // DISCONNECTED: asked again on the next socket; CLOSED: the caller was told by closed()
    }

    private static String offsetOf(JsonValue result) {
        if (result instanceof JsonObject object && object.get("offset") instanceof JsonString offset) {
            return offset.getString();
        }
        throw new IllegalStateException("channel.publish answered without an offset: " + result);
    }

    private static void checkChannel(String channel) {
        if (channel == null || channel.isEmpty()) {
            throw new IllegalArgumentException("channel must not be empty");
        }
    }
}
