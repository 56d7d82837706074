package io.txrx.rates;

import io.txrx.rates.CallTally.Counts;
import io.txrx.stream.Loop;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Adds what a {@link CallTally} counted to the per-second hashes in Redis ({@link RateBuckets}) just after
 * each second ends, so the counts of a second land in that second's hash. While Redis is unreachable the
 * counts are kept and go with the next write that works; on stop, what is left is written once more.
 */
public final class RateFlusher {
    private static final Logger LOG = Logger.getLogger(RateFlusher.class.getName());
    private static final long HALF_A_SECOND = 500;

    private final CallTally tally;
    private final RateBuckets buckets;
    private final Loop loop;

    public RateFlusher(CallTally tally, RateBuckets buckets) {
        this.tally = tally;
        this.buckets = buckets;
        this.loop = new Loop("Call rate writer", this::round);
    }

    public void start(ExecutorService executor) {
        loop.start(executor);
    }

    /** Ends the loop and writes what was counted since its last round. */
    public void stop() {
        loop.stop();
        try {
            flush(System.currentTimeMillis() + HALF_A_SECOND);
        } catch (JedisException e) {
            LOG.log(Level.FINE, "Call counts of the last second not written at stop: {0}", e.toString());
        }
    }

    private void round() throws InterruptedException {
        Thread.sleep(1000 - System.currentTimeMillis() % 1000);
        flush(System.currentTimeMillis());
    }

    /** Writes the counts drained at {@code nowMs}, just after a second ended, into that second's hash. */
    void flush(long nowMs) {
        Map<String, Counts> counted = tally.drain();
        try {
            buckets.add(Math.floorDiv(nowMs - HALF_A_SECOND, 1000), counted);
        } catch (JedisException e) {
            tally.restore(counted);
            throw e;
        }
    }
}
