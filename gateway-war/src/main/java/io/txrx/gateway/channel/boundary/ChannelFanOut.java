package io.txrx.gateway.channel.boundary;

import io.txrx.gateway.boundary.GatewayStartup;
import io.txrx.gateway.channel.control.ChannelRegistry;
import io.txrx.gateway.channel.control.Subscription;
import io.txrx.peer.Role;
import io.txrx.process.Roles;
import io.txrx.stream.Loop;
import io.txrx.stream.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;

/**
 * This gateway's one channel reader: a loop that reads every channel its sockets subscribe to with one
 * blocking multi-stream XREAD on a connection of its own, and fans each message out to the subscribed
 * sockets. When a channel is added or dropped, the subscribing thread wakes the blocked read at once with
 * CLIENT UNBLOCK on that connection's id, so the change never waits for the block time
 * ({@code txrx.channel.block-ms}, then only a safety net).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChannelFanOut {
    private static final Logger LOG = Logger.getLogger(ChannelFanOut.class.getName());
    private static final int WAKE_ATTEMPTS = 200;
    private static final long WAKE_PAUSE_NANOS = 250_000;

    @Inject
    Redis redis;

    @Inject
    Roles roles;

    @Inject
    @ConfigProperty(name = "txrx.channel.block-ms")
    int blockMs;

    @Inject
    @ConfigProperty(name = "txrx.channel.batch")
    int batchSize;

    @Resource(lookup = GatewayStartup.LOOPS)
    ManagedExecutorService executor;

    private final ChannelRegistry registry = new ChannelRegistry(this::wake);
    private final Object idle = new Object();
    private final Loop loop = new Loop("Channel fan-out", this::read);
    private volatile long readerId = -1;
    private volatile long readingVersion = -1;
    private volatile boolean unblockRefused;
    private Jedis connection;

    @PostConstruct
    void start() {
        if (!roles.has(Role.GATEWAY)) {
            return;
        }
        loop.start(executor);
        LOG.log(Level.INFO, "Channel fan-out started, blocking reads of up to {0} ms", blockMs);
    }

    @PreDestroy
    void stop() {
        loop.stop(this::wakeToStop);
        connection = release(connection);
    }

    /**
     * Adds a subscription to the channel stored at {@code key} ({@code startIfNew}: where to start reading a
     * channel new to this gateway); answers the offset after which the fan-out hands it messages.
     */
    public StreamEntryID subscribe(String key, String channel, Subscription subscription, StreamEntryID startIfNew) {
        return registry.add(key, channel, subscription, startIfNew);
    }

    public void unsubscribe(String key, Subscription subscription) {
        registry.remove(key, subscription);
    }

    private void read() throws InterruptedException {
        long version = registry.version();
        readingVersion = version;
        Map<String, StreamEntryID> positions = registry.positions();
        if (positions.isEmpty()) {
            awaitChannels(version);
            return;
        }
        if (connection == null) {
            connection = connect();
        }
        try {
            var read =
                    connection.xread(XReadParams.xReadParams().count(batchSize).block(blockMs), positions);
            if (read != null) {
                read.forEach(stream -> registry.deliver(stream.getKey(), stream.getValue()));
            }
        } catch (JedisException e) {
            connection = release(connection); // reconnects next round
            throw e;
        }
    }

    private Jedis connect() {
        Jedis connection = new Jedis(redis.client().getPool().getResource());
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
     * Makes the reader start over with the current channels: notifies it when idle, or unblocks its read
     * while that read still uses an older set (retrying briefly, as the read may not have reached Redis yet).
     */
    private void wake() {
        long version = registry.version();
        synchronized (idle) {
            idle.notifyAll();
        }
        for (int attempt = 0; attempt < WAKE_ATTEMPTS && readingVersion < version && !unblockRefused; attempt++) {
            long id = readerId;
            if (id >= 0 && unblock(id)) {
                return;
            }
            LockSupport.parkNanos(WAKE_PAUSE_NANOS);
        }
    }

    private boolean unblock(long id) {
        try {
            return Long.valueOf(1)
                    .equals(redis.client().sendCommand(Protocol.Command.CLIENT, "UNBLOCK", Long.toString(id)));
        } catch (JedisDataException e) {
            unblockRefused = true;
            LOG.log(
                    Level.WARNING,
                    "CLIENT UNBLOCK refused ({0}): channel changes wait for the block time",
                    e.getMessage());
            return false;
        }
    }
}
