package io.txrx.stream;

import io.txrx.channel.ChannelMessage;
import io.txrx.channel.ChannelName;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One worker of a fleet that shares a channel's messages through a consumer group: each message goes to one
 * worker of the group and is acked after its handler returns. A message whose handler failed, or that a dead
 * worker left pending, is claimed (by any worker of the group) once it has been idle {@code claimIdleMs}, so
 * it is handled at least once. The group starts at the channel's oldest retained message.
 * <p>
 * {@link #start} it on a managed executor declared for loops (see {@link Loop}) from a {@code @Singleton
 * @Startup} bean and {@link #stop()} it in {@code @PreDestroy}; the consumer name must be unique and stable per process (the
 * {@code InstanceId}), so a restarted worker picks up its own pending messages first.
 */
public final class ChannelWorker {
    private static final Logger LOG = Logger.getLogger(ChannelWorker.class.getName());
    private static final StreamEntryID START = new StreamEntryID(0, 0);
    private static final int BATCH = 64;
    private static final int BLOCK_MS = 1000;

    /** What a worker does with one message; an exception leaves the message pending, to be claimed again. */
    @FunctionalInterface
    public interface Handler {
        void handle(ChannelMessage message) throws Exception;
    }

    private final GroupReader reader;
    private final String channel;
    private final PendingClaims claims;
    private final Handler handler;
    private final Loop loop;
    private boolean ownPendingDone;

    /**
     * @param key the channel's stream, {@code StreamKeys.channel(channel)}
     * @param group the fleet's consumer group, the same in every worker of the fleet
     * @param consumer this worker's name in the group
     */
    public ChannelWorker(
            UnifiedJedis redis,
            String key,
            String channel,
            String group,
            String consumer,
            long claimIdleMs,
            Handler handler) {
        this.reader = new GroupReader(redis, key, group, consumer, BATCH, BLOCK_MS);
        this.channel = ChannelName.validate(channel);
        this.claims = new PendingClaims(reader, claimIdleMs, 0);
        this.handler = handler;
        this.loop = new Loop("Worker on channel " + this.channel, this::round);
    }

    /** Starts the worker's loop on {@code executor}. */
    public void start(ExecutorService executor) {
        loop.start(executor);
    }

    /** Ends the loop after the message at hand (within about a second) and waits for it. */
    public void stop() {
        loop.stop();
    }

    private void round() throws InterruptedException {
        if (!ownPendingDone) {
            reader.ensureGroup();
            handleOwnPending();
            ownPendingDone = true;
        }
        claims.claimIfDue(System.currentTimeMillis(), loop::running, this::handle);
        handle(reader.readNew());
    }

    private void handleOwnPending() {
        StreamEntryID after = START;
        List<StreamEntry> entries;
        while (loop.running() && !(entries = reader.readPending(after)).isEmpty()) {
            handle(entries);
            after = entries.get(entries.size() - 1).getID();
        }
    }

    private void handle(List<StreamEntry> entries) {
        for (StreamEntry entry : entries) {
            if (entry.getFields() == null) {
                reader.ack(entry.getID());
                continue;
            }
            try {
                handler.handle(ChannelMessage.of(channel, entry.getID().toString(), entry.getFields()));
                reader.ack(entry.getID());
            } catch (Exception e) {
                LOG.log(Level.WARNING, "Message {0} of channel {1} failed, left pending: {2}", new Object[] {
                    entry.getID(), channel, e.toString()
                });
            }
        }
    }
}
