package io.txrx.gateway.channel.boundary;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.channel.ChannelMessage;
import io.txrx.gateway.boundary.LocalMethods;
import io.txrx.gateway.boundary.LocalReply;
import io.txrx.gateway.channel.control.ChannelParams;
import io.txrx.gateway.channel.control.ChannelPolicy;
import io.txrx.gateway.channel.control.ChannelPolicy.Access;
import io.txrx.gateway.channel.control.ChannelStore;
import io.txrx.gateway.channel.control.RetainedRange;
import io.txrx.gateway.channel.control.Subscription;
import io.txrx.gateway.control.Socket;
import io.txrx.jsonrpc.Call;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.jsonrpc.Methods;
import io.txrx.keys.StreamKeys;
import io.txrx.stream.ChannelPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The {@code channel.*} methods, answered by the gateway itself on the socket's thread: subscribe (replay
 * from an offset, then live), unsubscribe, publish and history, each checked against the {@link ChannelPolicy}
 * with the caller bound to the socket. A socket's subscriptions end when it closes, and those it may no
 * longer read when it is signed out from elsewhere.
 */
@ApplicationScoped
public class ChannelMethods implements LocalMethods {
    static final String SUBSCRIBE = Methods.CHANNEL_SUBSCRIBE;
    static final String UNSUBSCRIBE = Methods.CHANNEL_UNSUBSCRIBE;
    static final String PUBLISH = Methods.CHANNEL_PUBLISH;
    static final String HISTORY = Methods.CHANNEL_HISTORY;
    private static final Set<String> METHODS = Set.of(SUBSCRIBE, UNSUBSCRIBE, PUBLISH, HISTORY);
    private static final int REPLAY_PAGE = 500;

    @Inject
    ChannelFanOut fanOut;

    @Inject
    ChannelStore store;

    @Inject
    ChannelPublisher publisher;

    @Inject
    ChannelPolicy policy;

    @Inject
    StreamKeys keys;

    @Inject
    @ConfigProperty(name = "txrx.channel.max-subscriptions")
    int maxSubscriptions;

    @Inject
    @ConfigProperty(name = "txrx.channel.history-max")
    int historyMax;

    @Override
    public boolean handles(String method) {
        return METHODS.contains(method);
    }

    @Override
    public String call(Socket socket, Call call) {
        return LocalReply.of(socket, call, "the channel store", () -> {
            JsonValue result =
                    switch (call.method()) {
                        case SUBSCRIBE -> subscribe(socket, ChannelParams.subscribe(call.params()));
                        case UNSUBSCRIBE -> unsubscribe(socket, ChannelParams.channel(call.params()));
                        case PUBLISH -> publish(socket, ChannelParams.publish(call.params()));
                        default -> history(socket, ChannelParams.history(call.params(), historyMax));
                    };
            return result;
        });
    }

    @Override
    public void closed(Socket socket) {
        Map<String, Subscription> subscriptions = socket.subscriptions();
        for (String channel : List.copyOf(subscriptions.keySet())) {
            Subscription subscription = subscriptions.remove(channel);
            if (subscription != null) {
                end(subscription);
            }
        }
    }

    /** Signed out: the subscriptions a socket nobody signed in on may not have end. */
    @Override
    public List<String> signedOut(Socket socket) {
        List<String> ended = new ArrayList<>();
        Map<String, Subscription> subscriptions = socket.subscriptions();
        for (String channel : List.copyOf(subscriptions.keySet())) {
            if (policy.read(null, channel) != Access.ALLOWED) {
                Subscription subscription = subscriptions.remove(channel);
                if (subscription != null) {
                    end(subscription);
                    ended.add(channel);
                }
            }
        }
        return ended;
    }

    private JsonValue subscribe(Socket socket, ChannelParams.Subscribe params) {
        String channel = params.channel();
        allow(policy.read(socket.caller(), channel), channel);
        Map<String, Subscription> subscriptions = socket.subscriptions();
        Subscription existing = subscriptions.get(channel);
        if (existing != null) {
            return subscribed(channel, existing.cursor(), 0, false);
        }
        if (subscriptions.size() >= maxSubscriptions) {
            throw new JsonRpcException(
                    ErrorCode.TOO_LARGE, "A socket may subscribe to at most " + maxSubscriptions + " channels");
        }
        String key = keys.channel(channel);
        RetainedRange retained = store.retained(key);
        StreamEntryID after = params.after() == null ? retained.last() : params.after();
        if (retained.exists() && after.compareTo(retained.last()) > 0) {
            throw new JsonRpcException(
                    ErrorCode.INVALID_PARAMS,
                    "offset " + after + " is newer than the last message of " + channel + ", " + retained.last());
        }
        Subscription subscription = new Subscription(channel, after, socket::send);
        subscriptions.put(channel, subscription);
        StreamEntryID fannedOut = fanOut.subscribe(key, channel, subscription, retained.last());
        StreamEntryID upTo = fannedOut.compareTo(retained.last()) > 0 ? fannedOut : retained.last();
        int replayed = replay(key, subscription, upTo);
        StreamEntryID cursor = subscription.goLive();
        if (!socket.isOpen()) {
            closed(socket);
        }
        return subscribed(channel, cursor, replayed, retained.truncatedAfter(after));
    }

    /** Sends the stream's messages after the subscription's cursor up to {@code upTo}, in pages. */
    private int replay(String key, Subscription subscription, StreamEntryID upTo) {
        int replayed = 0;
        StreamEntryID from = subscription.cursor();
        while (from.compareTo(upTo) < 0) {
            List<StreamEntry> page = store.after(key, from, upTo, REPLAY_PAGE);
            for (StreamEntry entry : page) {
                subscription.replay(
                        entry.getID(),
                        ChannelMessage.of(subscription.channel(), entry.getID().toString(), entry.getFields())
                                .toPush());
            }
            replayed += page.size();
            if (page.size() < REPLAY_PAGE) {
                break;
            }
            from = page.get(page.size() - 1).getID();
        }
        return replayed;
    }

    private JsonValue unsubscribe(Socket socket, String channel) {
        Subscription subscription = socket.subscriptions().remove(channel);
        if (subscription != null) {
            end(subscription);
        }
        return JSON.createObjectBuilder()
                .add("channel", channel)
                .add("unsubscribed", subscription != null)
                .build();
    }

    private JsonValue publish(Socket socket, ChannelParams.Publish params) {
        allow(policy.publish(socket.caller(), params.channel()), params.channel());
        String offset = params.fields() != null
                ? publisher.publishFields(params.channel(), params.fields())
                : publisher.publish(params.channel(), params.data());
        return JSON.createObjectBuilder()
                .add("channel", params.channel())
                .add("offset", offset)
                .build();
    }

    private JsonValue history(Socket socket, ChannelParams.History params) {
        allow(policy.read(socket.caller(), params.channel()), params.channel());
        String key = keys.channel(params.channel());
        RetainedRange retained = store.retained(key);
        List<StreamEntry> page =
                retained.exists() ? store.after(key, params.from(), params.to(), params.limit()) : List.of();
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        page.forEach(entry ->
                messages.add(ChannelMessage.of(params.channel(), entry.getID().toString(), entry.getFields())
                        .toJson()));
        var result = JSON.createObjectBuilder().add("channel", params.channel()).add("messages", messages);
        if (page.size() == params.limit()) {
            result.add("next", page.get(page.size() - 1).getID().toString());
        } else {
            result.addNull("next");
        }
        return result.add("truncated", retained.truncatedAfter(params.from())).build();
    }

    private void end(Subscription subscription) {
        subscription.close();
        fanOut.unsubscribe(keys.channel(subscription.channel()), subscription);
    }

    private static JsonObject subscribed(String channel, StreamEntryID offset, int replayed, boolean truncated) {
        return JSON.createObjectBuilder()
                .add("channel", channel)
                .add("offset", offset.toString())
                .add("replayed", replayed)
                .add("truncated", truncated)
                .build();
    }

    private static void allow(Access access, String channel) {
        switch (access) {
            case ALLOWED -> {}
            case SIGN_IN_REQUIRED -> throw new JsonRpcException(
                    ErrorCode.UNAUTHORIZED, "Sign in to use channel " + channel);
            default -> throw new JsonRpcException(ErrorCode.FORBIDDEN, "Not allowed on channel " + channel);
        }
    }
}
