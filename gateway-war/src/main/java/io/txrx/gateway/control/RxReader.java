package io.txrx.gateway.control;

import io.txrx.stream.BusEpoch;
import io.txrx.stream.Loop;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The loop that reads this gateway's RX stream and hands each entry to the {@link ReplyDelivery}; every
 * second it times out old calls and checks the {@link BusEpoch} (and at once when Redis answers again after
 * an outage): when Redis lost its data, the calls that were in it are answered -32007 at once instead of
 * after the call timeout. It keeps the stream's TTL fresh. RX has exactly one reader (this
 * gateway, whose id is new each start), so it is read with plain XREAD, trimmed on write, and left to
 * expire if the gateway dies.
 */
public final class RxReader {
    private static final Logger LOG = Logger.getLogger(RxReader.class.getName());
    private static final long SWEEP_MS = 1000;
    private static final int BLOCK_MS = 500;

    private final UnifiedJedis redis;
    private final String rx;
    private final ReplyDelivery delivery;
    private final int batchSize;
    private final long ttlSeconds;
    private final BusEpoch epoch;
    private final Loop loop = new Loop("RX loop", this::read);
    private StreamEntryID last = new StreamEntryID(0, 0);
    private long nextSweep;
    private long nextTtl;

    public RxReader(
            UnifiedJedis redis, String rx, BusEpoch epoch, ReplyDelivery delivery, int batchSize, long ttlSeconds) {
        this.redis = redis;
        this.epoch = epoch;
        this.rx = rx;
        this.delivery = delivery;
        this.batchSize = batchSize;
        this.ttlSeconds = ttlSeconds;
    }

    public void start(ExecutorService executor) {
        loop.start(executor);
    }

    public boolean running() {
        return loop.running();
    }

    /** Whether reading RX fails: Redis is unreachable, as far as this gateway can tell. */
    public boolean failing() {
        return loop.failing();
    }

    /** Stops the loop, waits for it, and deletes the stream (unless Redis is unreachable). */
    public void stop() {
        loop.stop();
        try {
            redis.del(rx);
        } catch (JedisException e) {
            LOG.log(Level.INFO, "{0} left to expire: {1}", new Object[] {rx, e.getMessage()});
        }
    }

    private void read() {
        long now = System.currentTimeMillis();
        boolean recovering = loop.failing();
        if (recovering || now >= nextSweep) {
            nextSweep = now + SWEEP_MS;
            delivery.timeOutOldCalls(now);
            if (epoch.lost()) {
                int failed = delivery.failLostCalls(recovering ? loop.failingSinceMs() : now);
                LOG.log(Level.WARNING, "Redis lost its data: {0} pending call(s) answered as lost", failed);
            }
        }
        if (now >= nextTtl) {
            redis.expire(rx, ttlSeconds);
            nextTtl = now + ttlSeconds * 1000 / 4;
        }
        var read = redis.xread(XReadParams.xReadParams().count(batchSize).block(BLOCK_MS), Map.of(rx, last));
        if (read == null) {
            return;
        }
        for (StreamEntry entry : read.get(0).getValue()) {
            last = entry.getID();
            delivery.deliver(entry.getFields());
        }
    }
}
