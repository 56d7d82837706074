package io.txrx.handlers.notification.control;

import io.txrx.keys.StreamKeys;
import io.txrx.stream.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The newest {@code txrx.notifications.cache-size} report rows of each topic and of each addressed user, as a
 * Redis list of JSON ({@code <prefix>notifications:recent:topic:<topic>}, {@code ...:user:<id>}), newest
 * first. A list is filled from the database on a miss and lives {@code txrx.notifications.cache-ttl-s}
 * from then; a publish adds to a list that exists (LPUSHX, trimmed), so it does not extend its life. The
 * cache is only a shortcut: when Redis fails, reads go to the database.
 */
@ApplicationScoped
public class RecentCache {
    private static final Logger LOG = Logger.getLogger(RecentCache.class.getName());

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    @Inject
    @ConfigProperty(name = "txrx.notifications.cache-ttl-s")
    long ttlSeconds;

    @Inject
    @ConfigProperty(name = "txrx.notifications.cache-size")
    int size;

    public int size() {
        return size;
    }

    public String topicKey(String topic) {
        return keys.key("notifications:recent:topic:" + topic);
    }

    public String userKey(long userId) {
        return keys.key("notifications:recent:user:" + userId);
    }

    /** The cached rows, or empty on a miss (an absent or empty list, or Redis failing). */
    public Optional<List<String>> get(String key) {
        try {
            List<String> rows = redis.client().lrange(key, 0, -1);
            return rows.isEmpty() ? Optional.empty() : Optional.of(rows);
        } catch (JedisException e) {
            LOG.log(Level.FINE, "Recent cache unavailable, reading the database: {0}", e.toString());
            return Optional.empty();
        }
    }

    /** Replaces a list with rows read from the database (newest first), living the TTL from now. */
    public void fill(String key, List<String> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try {
            redis.client().del(key);
            redis.client().rpush(key, rows.toArray(String[]::new));
            redis.client().expire(key, ttlSeconds);
        } catch (JedisException e) {
            LOG.log(Level.FINE, "Recent cache not filled: {0}", e.toString());
        }
    }

    /** Adds a new row to the lists that exist. */
    public void add(String row, List<String> lists) {
        try {
            for (String key : lists) {
                if (redis.client().lpushx(key, row) > 0) {
                    redis.client().ltrim(key, 0, size - 1L);
                }
            }
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "Recent cache not updated, it may lag until it expires: {0}", e.toString());
        }
    }
}
