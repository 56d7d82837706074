package io.txrx.gateway.channel.control;

import io.txrx.stream.Loop;
import io.txrx.stream.Redis;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;

/**
 * A loop that reads the channels of one share of a gateway's subscriptions (all of them on one Redis; those
 * of one hash slot on a cluster, where one XREAD may only name keys of one slot) with one blocking
 * multi-stream XREAD on a connection of its own, on the node holding them, and hands what it reads to the
 * registry. {@link #wake(long)} ends a blocked read with CLIENT UNBLOCK on that connection's id, so a
 * channel added or dropped never waits for the block time.
 */
public final class ChannelReader {
    private static final Logger LOG = Logger.getLogger(ChannelReader.class.getName());
    private static final int WAKE_ATTEMPTS = 200;
    private static final long WAKE_PAUSE_NANOS = 250_000;

    private final Redis redis;
    private final ChannelRegistry registry;
    private final Predicate<String> share;
    private final String nodeKey;
    private final XReadParams read;
    private final int blockMs;
    private final Object idle = new Object();
    private final Loop loop;
    private volatile long readerId = -1;
    private volatile long readingVersion = -1;
    private volatile boolean unblockRefused;
    private Jedis connection;

    /**
     * @param share which channel keys this reader reads
     * @param nodeKey any key of the share: it names the node that holds them
     */
    public ChannelReader(
            String name,
            Redis redis,
            ChannelRegistry registry,
            Predicate<String> share,
            String nodeKey,
            int blockMs,
            int batchSize) {
        this.redis = redis;
        this.registry = registry;
        this.share = share;
        this.nodeKey = nodeKey;
        this.blockMs = blockMs;
        this.read = XReadParams.xReadParams().count(batchSize).block(blockMs);
        this.loop = new Loop(name, this::readOnce);
    }

    public void start(ExecutorService executor) {
        loop.start(executor);
    }

    public void stop() {
        loop.stop(this::wakeToStop);
        connection = release(connection);
    }

    private void readOnce() throws InterruptedException {
        long version = registry.version();
        readingVersion = version;
        Map<String, StreamEntryID> positions = registry.positions(share);
        if (positions.isEmpty()) {
            awaitChannels(version);
            return;
        }
        if (connection == null) {
            connection = connect();
        }
        try {
            var entries = connection.xread(read, positions);
            if (entries != null) {
                entries.forEach(stream -> registry.deliver(stream.getKey(), stream.getValue()));
            }
        } catch (JedisException e) {
            connection = release(connection); // reconnects next round, to the node holding the slot then
            throw e;
        }
    }

    private Jedis connect() {
        Jedis connection = redis.connection(nodeKey);
        try {
            readerId = connection.clientId();
        } catch (JedisDataException e) {
            LOG.log(Level.WARNING, "CLIENT ID refused ({0}): channel changes wait for the block time", e.getMessage());
        }
        return connection;
    }

    private Jedis release(Jedis connection) {
        readerId = -1;
        if (connection != null) {
            try {
                connection.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Releasing the channel reader connection failed: {0}", e.toString());
            }
        }
        return null;
    }

    private void awaitChannels(long version) throws InterruptedException {
        synchronized (idle) {
            while (loop.running() && registry.version() == version) {
                idle.wait(blockMs);
            }
        }
    }

    /** Ends the wait or the blocking read the reader is in, so it sees it was told to stop. */
    private void wakeToStop() {
        synchronized (idle) {
            idle.notifyAll();
        }
        long id = readerId;
        if (id >= 0 && !unblockRefused) {
            unblock(id);
        }
    }

    /**
     * Makes the reader start over with the channels of registry version {@code version}: notifies it when
     * idle, or unblocks its read while that read still uses an older set (retrying briefly, as the read may
     * not have reached Redis yet).
     */
    public void wake(long version) {
        synchronized (idle) {
            idle.notifyAll();
        }
        for (int attempt = 0;
                attempt < WAKE_ATTEMPTS && loop.running() && readingVersion < version && !unblockRefused;
                attempt++) {
            long id = readerId;
            if (id >= 0 && unblock(id)) {
                return;
            }
            LockSupport.parkNanos(WAKE_PAUSE_NANOS);
        }
    }

    private boolean unblock(long id) {
        try (Jedis node = redis.connection(nodeKey)) {
            return node.clientUnblock(id) == 1;
        } catch (JedisDataException e) {
            unblockRefused = true;
            LOG.log(
                    Level.WARNING,
                    "CLIENT UNBLOCK refused ({0}): channel changes wait for the block time",
                    e.getMessage());
            return false;
        } catch (JedisException e) {
            LOG.log(Level.FINE, "CLIENT UNBLOCK failed: {0}", e.toString());
            return false;
        }
    }
}
