package io.txrx.gateway.control;

import io.txrx.identity.SignOut;
import io.txrx.stream.Loop;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The loop that reads the sign-out stream, which every gateway reads in full (plain XREAD, no group, like
 * the P2P stream), and hands each sign-out to the {@link SignOutDelivery}. It starts after the stream's
 * newest entry when it first reaches Redis: no socket of this gateway was signed in before that.
 */
public final class SignOutReader {
    private static final Logger LOG = Logger.getLogger(SignOutReader.class.getName());
    private static final int BLOCK_MS = 1000;
    private static final int BATCH = 100;

    private final UnifiedJedis redis;
    private final String key;
    private final SignOutDelivery delivery;
    private final Loop loop = new Loop("Sign-out loop", this::read);
    private StreamEntryID last;

    public SignOutReader(UnifiedJedis redis, String key, SignOutDelivery delivery) {
        this.redis = redis;
        this.key = key;
        this.delivery = delivery;
    }

    public void start(ExecutorService executor) {
        loop.start(executor);
    }

    public void stop() {
        loop.stop();
    }

    private void read() {
        if (last == null) {
            var newest = redis.xrevrange(key, "+", "-", 1);
            last = newest.isEmpty() ? new StreamEntryID(0, 0) : newest.get(0).getID();
        }
        var read = redis.xread(XReadParams.xReadParams().count(BATCH).block(BLOCK_MS), Map.of(key, last));
        if (read == null) {
            return;
        }
        for (StreamEntry entry : read.get(0).getValue()) {
            last = entry.getID();
            try {
                delivery.apply(SignOut.fromFields(entry.getFields()));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "Ignoring malformed sign-out {0}: {1}", new Object[] {
                    entry.getID(), e.getMessage()
                });
            }
        }
    }
}
