package io.txrx.stream;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The take-over of the entries a dead consumer left pending in a group, and only a dead one's: a consumer
 * that has not read for {@code silentMs} (Redis's own idle time of the consumer; a live one reads every block
 * time, or {@link GroupReader#touch() touches} while too busy to read) is taken for dead, its pending entries
 * are claimed batch by batch and handed to the calling loop, and once it has none left it is removed from
 * the group. A call running long on a live instance is never taken from it, so a handler is not run twice.
 * <p>
 * Scans run every half silence interval (at least every 100 ms). Call {@link #claimIfDue} in each round
 * right after a successful read: when rounds stop for longer than the silence (Redis unreachable, this
 * process stalled), every other consumer has been silent as long, so the next scan waits one more silence
 * interval for them to read again.
 */
public final class DeadConsumerClaims {
    private static final Logger LOG = Logger.getLogger(DeadConsumerClaims.class.getName());
    private static final long MIN_INTERVAL_MS = 100;

    /** What the calling loop does with a batch of entries it now owns. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<StreamEntry> claimed) throws InterruptedException;
    }

    private final GroupReader reader;
    private final long silentMs;
    private long nextMs;
    private long lastRoundMs;

    /** @param silentMs how long a consumer has not read before it is taken for dead */
    public DeadConsumerClaims(GroupReader reader, long silentMs) {
        this.reader = reader;
        this.silentMs = silentMs;
    }

    /** Scans when due, while {@code going}; answers how many entries were claimed. */
    public int claimIfDue(long nowMs, BooleanSupplier going, Handler handler) throws InterruptedException {
        boolean resumed = lastRoundMs != 0 && nowMs - lastRoundMs > silentMs;
        lastRoundMs = nowMs;
        if (resumed) {
            nextMs = nowMs + silentMs;
            LOG.log(Level.FINE, "Rounds on {0} resumed after a gap: no claim for {1} ms", new Object[] {
                reader.stream(), silentMs
            });
            return 0;
        }
        if (nowMs < nextMs) {
            return 0;
        }
        nextMs = nowMs + Math.max(silentMs / 2, MIN_INTERVAL_MS);
        int total = 0;
        for (StreamConsumerInfo other : reader.consumers()) {
            if (!going.getAsBoolean()) {
                break;
            }
            if (other.getName().equals(reader.consumer()) || other.getIdle() < silentMs) {
                continue;
            }
            total += takeOver(other, going, handler);
        }
        return total;
    }

    private int takeOver(StreamConsumerInfo dead, BooleanSupplier going, Handler handler) throws InterruptedException {
        int total = 0;
        if (dead.getPending() > 0) {
            List<StreamEntry> claimed;
            while (going.getAsBoolean() && !(claimed = reader.claimFrom(dead.getName(), silentMs)).isEmpty()) {
                total += claimed.size();
                handler.handle(claimed);
            }
            LOG.log(Level.INFO, "Took over {0} pending entries of {1} from {2}, silent for {3} ms", new Object[] {
                total, reader.stream(), dead.getName(), dead.getIdle()
            });
        } else {
            reader.forget(dead.getName());
            LOG.log(Level.FINE, "Removed consumer {0} of {1}, silent for {2} ms with nothing pending", new Object[] {
                dead.getName(), reader.stream(), dead.getIdle()
            });
        }
        return total;
    }
}
