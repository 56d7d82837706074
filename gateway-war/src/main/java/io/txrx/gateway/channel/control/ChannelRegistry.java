package io.txrx.gateway.channel.control;

import io.txrx.channel.ChannelMessage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The channels this gateway reads, each with the offset its reader has fanned out to and the subscriptions
 * it fans out to. Adding a subscription and fanning out a message exclude each other per channel, so a new
 * subscription learns exactly from which offset on the fan-out will hand it messages; the replay covers
 * everything before. Every change of the set of channels bumps a version and calls the change listener, so
 * the reader can be woken at once.
 */
public final class ChannelRegistry {

    private static final class Channel {
        final String name;
        final Set<Subscription> subscriptions = new LinkedHashSet<>();
        StreamEntryID position;

        Channel(String name, StreamEntryID position) {
            this.name = name;
            this.position = position;
        }
    }

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();
    private final AtomicLong version = new AtomicLong();
    private final Runnable changed;

    /** @param changed called (outside any lock) after a channel was added or dropped */
    public ChannelRegistry(Runnable changed) {
        this.changed = changed;
    }

    /**
     * Adds a subscription to the channel stored at {@code key}; a channel new to this gateway is read from
     * {@code startIfNew} on. Answers the offset after which the fan-out hands the subscription messages.
     */
    public StreamEntryID add(String key, String channel, Subscription subscription, StreamEntryID startIfNew) {
        StreamEntryID[] from = new StreamEntryID[1];
        boolean[] added = new boolean[1];
        channels.compute(key, (k, existing) -> {
            Channel target = existing;
            if (target == null) {
                target = new Channel(channel, startIfNew);
                added[0] = true;
            }
            synchronized (target) {
                target.subscriptions.add(subscription);
                from[0] = target.position;
            }
            return target;
        });
        if (added[0]) {
            version.incrementAndGet();
            changed.run();
        }
        return from[0];
    }

    /** Removes a subscription; the channel is no longer read once its last subscription is gone. */
    public void remove(String key, Subscription subscription) {
        boolean[] dropped = new boolean[1];
        channels.computeIfPresent(key, (k, channel) -> {
            synchronized (channel) {
                channel.subscriptions.remove(subscription);
                dropped[0] = channel.subscriptions.isEmpty();
                return dropped[0] ? null : channel;
            }
        });
        if (dropped[0]) {
            version.incrementAndGet();
            changed.run();
        }
    }

    /** Changes with every channel added or dropped. */
    public long version() {
        return version.get();
    }

    /** What the reader reads next: each channel's stream and the offset after which to read it. */
    public Map<String, StreamEntryID> positions() {
        return positions(key -> true);
    }

    /** {@link #positions()} of the channels whose key {@code read} accepts (one reader's share). */
    public Map<String, StreamEntryID> positions(Predicate<String> read) {
        Map<String, StreamEntryID> positions = new HashMap<>();
        channels.forEach((key, channel) -> {
            if (read.test(key)) {
                synchronized (channel) {
                    positions.put(key, channel.position);
                }
            }
        });
        return positions;
    }

    /** Hands entries the reader read from {@code key}, in order, to every subscription of that channel. */
    public void deliver(String key, List<StreamEntry> entries) {
        Channel channel = channels.get(key);
        if (channel == null) {
            return;
        }
        List<Subscription> gone = new ArrayList<>();
        synchronized (channel) {
            for (StreamEntry entry : entries) {
                if (entry.getID().compareTo(channel.position) <= 0) {
                    continue;
                }
                channel.position = entry.getID();
                String push = ChannelMessage.of(channel.name, entry.getID().toString(), entry.getFields())
                        .toPush();
                for (Subscription subscription : channel.subscriptions) {
                    if (!subscription.offer(entry.getID(), push)) {
                        gone.add(subscription);
                    }
                }
            }
        }
        gone.forEach(subscription -> remove(key, subscription));
    }
}
