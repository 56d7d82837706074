package io.txrx.gateway.channel.boundary;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.channel.ChannelMessage;
import io.txrx.channel.ChannelPolicy;
import io.txrx.channel.ChannelPolicy.Access;
import io.txrx.channel.ChannelPublisher;
import io.txrx.gateway.boundary.LocalMethods;
import io.txrx.gateway.channel.control.ChannelParams;
import io.txrx.gateway.channel.control.ChannelStore;
import io.txrx.gateway.channel.control.RetainedRange;
import io.txrx.gateway.channel.control.Subscription;
import io.txrx.gateway.control.Sockets;
import io.txrx.identity.Caller;
import io.txrx.jsonrpc.Call;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.jsonrpc.Replies;
import io.txrx.stream.StreamKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The {@code channel.*} methods, answered by the gateway itself on the socket's thread: subscribe (replay
 * from an offset, then live), unsubscribe, publish and history, each checked against the {@link ChannelPolicy}
 * with the caller bound to the socket. A socket's subscriptions end when it closes.
 */
@ApplicationScoped
public class ChannelMethods implements LocalMethods {
    private static final Logger LOG = Logger.getLogger(ChannelMethods.class.getName());
    static final String SUBSCRIBE = "channel.subscribe";
    static final String UNSUBSCRIBE = "channel.unsubscribe";
    static final String PUBLISH = "channel.publish";
    static final String HISTORY = "channel.history";
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

    /** Socket id to its subscriptions by channel. */
    private final Map<String, Map<String, Subscription>> sockets = new ConcurrentHashMap<>();

    @Override
    public boolean handles(String method) {
        return METHODS.contains(method);
    }

    @Override
    public String call(Session session, Call call) {
        try {
            JsonValue result =
                    switch (call.method()) {
                        case SUBSCRIBE -> subscribe(session, ChannelParams.subscribe(call.params()));
                        case UNSUBSCRIBE -> unsubscribe(session, ChannelParams.channel(call.params()));
                        case PUBLISH -> publish(session, ChannelParams.publish(call.params()));
                        default -> history(session, ChannelParams.history(call.params(), historyMax));
                    };
            return call.isNotification() ? null : Replies.result(call.id(), result);
        } catch (JsonRpcException e) {
            return call.isNotification() ? null : Replies.error(call.id(), e.code(), e.getMessage(), e.data());
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "{0} on socket {1} failed: {2}", new Object[] {
                call.method(), session.getId(), e.toString()
            });
            return call.isNotification()
                    ? null
                    : Replies.error(
                            call.id(), ErrorCode.INTERNAL_ERROR, "Internal error: the channel store failed", null);
        }
    }

    @Override
    public void closed(Session session) {
        Map<String, Subscription> subscriptions = sockets.remove(session.getId());
        if (subscriptions != null) {
            subscriptions.values().forEach(this::end);
        }
    }

    private JsonValue subscribe(Session session, ChannelParams.Subscribe params) {
        String channel = params.channel();
        allow(policy.read(caller(session), channel), channel);
        Map<String, Subscription> subscriptions =
                sockets.computeIfAbsent(session.getId(), id -> new ConcurrentHashMap<>());
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
        Subscription subscription = new Subscription(channel, after, text -> send(session, text));
        subscriptions.put(channel, subscription);
        StreamEntryID fannedOut = fanOut.subscribe(key, channel, subscription, retained.last());
        StreamEntryID upTo = fannedOut.compareTo(retained.last()) > 0 ? fannedOut : retained.last();
        int replayed = replay(key, subscription, upTo);
        StreamEntryID cursor = subscription.goLive();
        if (!session.isOpen()) {
            closed(session);
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
                        ChannelMessage.of(subscription.channel(), entry).toPush());
            }
            replayed += page.size();
            if (page.size() < REPLAY_PAGE) {
                break;
            }
            from = page.get(page.size() - 1).getID();
        }
        return replayed;
    }

    private JsonValue unsubscribe(Session session, String channel) {
        Map<String, Subscription> subscriptions = sockets.get(session.getId());
        Subscription subscription = subscriptions == null ? null : subscriptions.remove(channel);
        if (subscription != null) {
            end(subscription);
        }
        return JSON.createObjectBuilder()
                .add("channel", channel)
                .add("unsubscribed", subscription != null)
                .build();
    }

    private JsonValue publish(Session session, ChannelParams.Publish params) {
        allow(policy.publish(caller(session), params.channel()), params.channel());
        String offset = params.fields() != null
                ? publisher.publishFields(params.channel(), params.fields())
                : publisher.publish(params.channel(), params.data());
        return JSON.createObjectBuilder()
                .add("channel", params.channel())
                .add("offset", offset)
                .build();
    }

    private JsonValue history(Session session, ChannelParams.History params) {
        allow(policy.read(caller(session), params.channel()), params.channel());
        String key = keys.channel(params.channel());
        RetainedRange retained = store.retained(key);
        List<StreamEntry> page =
                retained.exists() ? store.after(key, params.from(), params.to(), params.limit()) : List.of();
        JsonArrayBuilder messages = JSON.createArrayBuilder();
        page.forEach(
                entry -> messages.add(ChannelMessage.of(params.channel(), entry).toJson()));
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

    private static Caller caller(Session session) {
        return (Caller) session.getUserProperties().get(Caller.SESSION_PROPERTY);
    }

    private static boolean send(Session session, String text) {
        return Sockets.send(session, text);
    }
}
