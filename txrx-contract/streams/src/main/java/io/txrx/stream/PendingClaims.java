package io.txrx.stream;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The take-over of entries a dead (or failing) consumer left pending in a group: every half claim interval
 * (at least 100 ms), an XAUTOCLAIM scan from the start of the pending list, batch by batch, of the entries
 * pending longer than the claim interval, each batch handed to the loop that called.
 */
public final class PendingClaims {
    private static final Logger LOG = Logger.getLogger(PendingClaims.class.getName());
    private static final StreamEntryID START = new StreamEntryID(0, 0);
    private static final long MIN_INTERVAL_MS = 100;

    /** What the calling loop does with a batch of entries it now owns. */
    @FunctionalInterface
    public interface Handler {
        void handle(List<StreamEntry> claimed) throws InterruptedException;
    }

    private final GroupReader reader;
    private final long idleMs;
    private long nextMs;

    /**
     * @param idleMs how long an entry is pending before it is claimed
     * @param firstMs when the first scan is due (epoch ms; 0 for at once)
     */
    public PendingClaims(GroupReader reader, long idleMs, long firstMs) {
        this.reader = reader;
        this.idleMs = idleMs;
        this.nextMs = firstMs;
    }

    /** Scans when due, while {@code going}; answers how many entries were claimed. */
    public int claimIfDue(long nowMs, BooleanSupplier going, Handler handler) throws InterruptedException {
        if (nowMs < nextMs) {
            return 0;
        }
        nextMs = nowMs + Math.max(idleMs / 2, MIN_INTERVAL_MS);
        int total = 0;
        StreamEntryID cursor = START;
        do {
            var claimed = reader.claim(idleMs, cursor);
            List<StreamEntry> entries = claimed.getValue();
            if (!entries.isEmpty()) {
                LOG.log(Level.INFO, "Claimed {0} pending entries of {1} for group {2}", new Object[] {
                    entries.size(), reader.stream(), reader.group()
                });
                total += entries.size();
                handler.handle(entries);
            }
            cursor = claimed.getKey();
        } while (going.getAsBoolean() && !cursor.equals(START));
        return total;
    }
}
