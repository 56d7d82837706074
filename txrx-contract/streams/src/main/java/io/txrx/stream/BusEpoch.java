package io.txrx.stream;

import java.util.UUID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Which life of Redis's data this process has seen: a random value under one key, set by the first process
 * that finds the key missing. When the value a process remembers is gone or replaced, Redis lost its data
 * (restarted without persistence, flushed, failed over to an empty replica), and with it every entry that was
 * in its streams. A restart that kept the data (AOF, RDB) keeps the value too, so nothing is reported lost.
 */
public final class BusEpoch {
    private final UnifiedJedis redis;
    private final String key;
    private String known;

    public BusEpoch(UnifiedJedis redis, String key) {
        this.redis = redis;
        this.key = key;
    }

    /**
     * Reads the epoch (creating it when missing) and answers whether it changed since the last check: the
     * data was lost in between. The first check of a process answers {@code false}.
     */
    public boolean lost() {
        String seen = redis.get(key);
        if (seen == null) {
            redis.set(key, UUID.randomUUID().toString(), SetParams.setParams().nx());
            seen = redis.get(key);
        }
        boolean changed = known != null && !known.equals(seen);
        known = seen;
        return changed;
    }
}
