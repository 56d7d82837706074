package io.txrx.gateway.notification.control;

import io.txrx.channel.ChannelMessage;
import io.txrx.channel.NotificationChannels;
import io.txrx.gateway.channel.boundary.ChannelFanOut;
import io.txrx.gateway.channel.control.ChannelStore;
import io.txrx.gateway.channel.control.RetainedRange;
import io.txrx.gateway.channel.control.Subscription;
import io.txrx.keys.StreamKeys;
import io.txrx.stream.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * A topic's notifications for one subscriber (a socket or an SSE stream), on the topic's channel and the
 * gateway's one channel reader: replayed from an offset, then live, each once and in order (the channels'
 * replay/live seam, {@link Subscription}). Resuming from a notification id finds that notification's offset
 * in the channel.
 */
@ApplicationScoped
public class TopicFeed {
    private static final int PAGE = 500;

    @Inject
    ChannelFanOut fanOut;

    @Inject
    ChannelStore store;

    @Inject
    StreamKeys keys;

    @Inject
    Redis redis;

    /**
     * Opens a feed of {@code topic} after {@code after} ({@code null}: only what comes from now on); the sink
     * gets the channel pushes ({@link NotificationPush#fromChannelPush}). Answers the live subscription.
     */
    public Subscription open(String topic, StreamEntryID after, Subscription.Socket sink) {
        String channel = NotificationChannels.ofTopic(topic);
        String key = keys.channel(channel);
        RetainedRange retained = store.retained(key);
        Subscription subscription = new Subscription(channel, after == null ? retained.last() : after, sink);
        StreamEntryID fannedOut = fanOut.subscribe(key, channel, subscription, retained.last());
        StreamEntryID upTo = fannedOut.compareTo(retained.last()) > 0 ? fannedOut : retained.last();
        StreamEntryID from = subscription.cursor();
        while (from.compareTo(upTo) < 0) {
            List<StreamEntry> page = store.after(key, from, upTo, PAGE);
            for (StreamEntry entry : page) {
                subscription.replay(
                        entry.getID(),
                        ChannelMessage.of(channel, entry.getID().toString(), entry.getFields())
                                .toPush());
            }
            if (page.size() < PAGE) {
                break;
            }
            from = page.get(page.size() - 1).getID();
        }
        subscription.goLive();
        return subscription;
    }

    public void close(Subscription subscription) {
        subscription.close();
        fanOut.unsubscribe(keys.channel(subscription.channel()), subscription);
    }

    /**
     * The offset of notification {@code id} in the topic's channel, or {@code null} when the channel no longer
     * holds it (trimmed) or never did. Scans from the newest, where a reconnecting client's last one is.
     */
    public StreamEntryID offsetOf(String topic, long id) {
        String key = keys.channel(NotificationChannels.ofTopic(topic));
        String end = "+";
        while (true) {
            List<StreamEntry> page = redis.client().xrevrange(key, end, "-", PAGE);
            for (StreamEntry entry : page) {
                String data = entry.getFields().get("data");
                NotificationPush notification = data == null ? null : NotificationPush.fromEntryData(data);
                if (notification != null && notification.id() == id) {
                    return entry.getID();
                }
            }
            if (page.size() < PAGE) {
                return null;
            }
            end = "(" + page.get(page.size() - 1).getID();
        }
    }
}
