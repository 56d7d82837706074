package io.txrx.stream;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAutoClaimParams;
import redis.clients.jedis.params.XClaimParams;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * One consumer of one stream in a consumer group: batched blocking reads of new entries, re-reads of its
 * own pending entries, and the take-over of entries a dead consumer left pending. When the group is gone (Redis
 * restarted without persistence, or the key was flushed) a command's NOGROUP makes it create the group
 * again and retry once, so a reader carries on by itself.
 */
public final class GroupReader {
    private static final Logger LOG = Logger.getLogger(GroupReader.class.getName());
    private final UnifiedJedis redis;
    private final String stream;
    private final String group;
    private final String consumer;
    private final int batchSize;
    private final int blockMs;

    public GroupReader(UnifiedJedis redis, String stream, String group, String consumer, int batchSize, int blockMs) {
        this.redis = redis;
        this.stream = stream;
        this.group = group;
        this.consumer = consumer;
        this.batchSize = batchSize;
        this.blockMs = blockMs;
    }

    /** Creates the group (and the stream) unless it exists; entries written before the group are read too. */
    public void ensureGroup() {
        try {
            redis.xgroupCreate(stream, group, new StreamEntryID(0, 0), true);
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("BUSYGROUP")) {
                throw e;
            }
        }
    }

    /** Up to a batch of entries never delivered to anyone, waiting up to the block time for them. */
    public List<StreamEntry> readNew() {
        return readNew(batchSize);
    }

    /** Up to {@code count} entries never delivered to anyone, waiting up to the block time for them. */
    public List<StreamEntry> readNew(int count) {
        return read(StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY, blockMs, count);
    }

    /** Up to a batch of this consumer's pending entries after {@code after} (start with 0-0). */
    public List<StreamEntry> readPending(StreamEntryID after) {
        return read(after, -1, batchSize);
    }

    /**
     * Shows the group that this consumer is alive without taking a new entry: a read of at most one of its
     * own pending entries, which resets its idle time in {@code XINFO CONSUMERS} as every read does. A
     * consumer too busy to read new entries calls it, so that no one takes it for dead.
     */
    public void touch() {
        read(new StreamEntryID(0, 0), -1, 1);
    }

    /** The group's consumers, with their idle time (since their last read) and pending count. */
    public List<StreamConsumerInfo> consumers() {
        try {
            return recreatingGroup(() -> redis.xinfoConsumers2(stream, group));
        } catch (JedisDataException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such key")) {
                return List.of(); // the stream is gone (Redis restarted empty): no consumer either
            }
            throw e;
        }
    }

    /**
     * Takes over up to a batch of the entries {@code owner} has pending, those idle at least {@code minIdleMs}.
     * Claiming resets an entry's idle time, so of two consumers claiming the same entry with the same minimum
     * only one gets it.
     */
    public List<StreamEntry> claimFrom(String owner, long minIdleMs) {
        List<StreamPendingEntry> pending = recreatingGroup(() -> redis.xpending(
                stream, group, XPendingParams.xPendingParams().count(batchSize).consumer(owner)));
        if (pending.isEmpty()) {
            return List.of();
        }
        StreamEntryID[] ids = pending.stream().map(StreamPendingEntry::getID).toArray(StreamEntryID[]::new);
        return recreatingGroup(
                () -> redis.xclaim(stream, group, consumer, minIdleMs, XClaimParams.xClaimParams(), ids));
    }

    /** Removes a consumer that has nothing pending from the group, so dead instances do not pile up in it. */
    public void forget(String owner) {
        recreatingGroup(() -> redis.xgroupDelConsumer(stream, group, owner));
    }

    public String consumer() {
        return consumer;
    }

    /**
     * Takes over up to a batch of entries pending longer than {@code minIdleMs} with any consumer, from
     * {@code cursor} on; answers the next cursor (0-0 when the scan is complete) and the claimed entries.
     */
    public Map.Entry<StreamEntryID, List<StreamEntry>> claim(long minIdleMs, StreamEntryID cursor) {
        return recreatingGroup(() -> redis.xautoclaim(
                stream,
                group,
                consumer,
                minIdleMs,
                cursor,
                XAutoClaimParams.xAutoClaimParams().count(batchSize)));
    }

    public void ack(StreamEntryID... ids) {
        recreatingGroup(() -> redis.xack(stream, group, ids));
    }

    public String stream() {
        return stream;
    }

    public String group() {
        return group;
    }

    private List<StreamEntry> read(StreamEntryID from, int block, int count) {
        XReadGroupParams params = XReadGroupParams.xReadGroupParams().count(count);
        if (block >= 0) {
            params.block(block);
        }
        var result = recreatingGroup(() -> redis.xreadGroup(group, consumer, params, Map.of(stream, from)));
        if (result == null || result.isEmpty()) {
            return List.of();
        }
        return result.get(0).getValue();
    }

    /** Runs a group command; on NOGROUP creates the group again and runs it once more. */
    private <T> T recreatingGroup(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisDataException e) {
            if (e.getMessage() == null || !e.getMessage().startsWith("NOGROUP")) {
                throw e;
            }
            LOG.log(
                    Level.WARNING,
                    "Group {0} of {1} was gone (Redis restarted or flushed?): created again",
                    new Object[] {group, stream});
            ensureGroup();
            return command.get();
        }
    }
}
