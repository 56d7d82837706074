package io.txrx.gateway.control;

import io.txrx.stream.Loop;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The loop that reads this gateway's RX stream and hands each entry to the {@link ReplyDelivery}; every
 * second it times out old calls, and it keeps the stream's TTL fresh. RX has exactly one reader (this
 * gateway, whose id is new each start), so it is read with plain XREAD, trimmed on write, and left to
 * expire if the gateway dies.
 */
public final class RxReader {
    private static final long SWEEP_MS = 1000;
    private static final int BLOCK_MS = 500;

    private final JedisPooled redis;
    private final String rx;
    private final ReplyDelivery delivery;
    private final int batchSize;
    private final long ttlSeconds;
    private final Loop loop = new Loop("RX loop", this::read);
    private StreamEntryID last = new StreamEntryID(0, 0);
    private long nextSweep;
    private long nextTtl;

    public RxReader(JedisPooled redis, String rx, ReplyDelivery delivery, int batchSize, long ttlSeconds) {
        this.redis = redis;
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

    /** Stops the loop, waits for it, and deletes the stream. */
    public void stop() {
        loop.stop();
        redis.del(rx);
    }

    private void read() {
        long now = System.currentTimeMillis();
        if (now >= nextSweep) {
            delivery.timeOutOldCalls(now);
            nextSweep = now + SWEEP_MS;
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
