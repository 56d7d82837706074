package io.txrx.gateway.channel.boundary;

import io.txrx.gateway.boundary.GatewayStartup;
import io.txrx.gateway.channel.control.ChannelReader;
import io.txrx.gateway.channel.control.ChannelRegistry;
import io.txrx.gateway.channel.control.Subscription;
import io.txrx.peer.Role;
import io.txrx.process.Roles;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.StreamEntryID;

/**
 * This gateway's channel readers ({@link ChannelReader}): each reads its channels with one blocking
 * multi-stream XREAD and fans the messages out to the subscribed sockets. On one Redis there is one reader
 * for every channel; on a Redis Cluster one per hash slot the subscribed channels' keys are in (channel keys
 * carry one of {@code txrx.channel.hash-tags} tags there, which bounds the readers), started when the first
 * channel of that slot is subscribed. No gateway reads per channel or per socket.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class ChannelFanOut {
    private static final Logger LOG = Logger.getLogger(ChannelFanOut.class.getName());

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
    private final Map<Integer, ChannelReader> readers = new ConcurrentHashMap<>();
    private volatile boolean running;

    @PostConstruct
    void start() {
        if (!roles.has(Role.GATEWAY)) {
            return;
        }
        running = true;
        LOG.log(Level.INFO, "Channel fan-out started, blocking reads of up to {0} ms", blockMs);
    }

    @PreDestroy
    synchronized void stop() {
        running = false;
        readers.values().forEach(ChannelReader::stop);
        readers.clear();
    }

    /**
     * Adds a subscription to the channel stored at {@code key} ({@code startIfNew}: where to start reading a
     * channel new to this gateway); answers the offset after which the fan-out hands it messages.
     */
    public StreamEntryID subscribe(String key, String channel, Subscription subscription, StreamEntryID startIfNew) {
        StreamEntryID from = registry.add(key, channel, subscription, startIfNew);
        readerOf(key);
        return from;
    }

    public void unsubscribe(String key, Subscription subscription) {
        registry.remove(key, subscription);
    }

    /** The reader of the slot {@code key} is in, started with the first channel of that slot. */
    private void readerOf(String key) {
        int slot = redis.slot(key);
        if (readers.containsKey(slot)) {
            return;
        }
        synchronized (this) {
            if (!running || readers.containsKey(slot)) {
                return;
            }
            ChannelReader reader = new ChannelReader(
                    redis.isCluster() ? "Channel fan-out (slot " + slot + ")" : "Channel fan-out",
                    redis,
                    registry,
                    channel -> redis.slot(channel) == slot,
                    key,
                    blockMs,
                    batchSize);
            reader.start(executor);
            readers.put(slot, reader);
        }
    }

    /** Makes every reader start over with the current channels (see {@link ChannelReader#wake(long)}). */
    private void wake() {
        long version = registry.version();
        readers.values().forEach(reader -> reader.wake(version));
    }
}
