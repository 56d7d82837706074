package io.txrx.gateway.channel.control;

import io.txrx.stream.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.resps.StreamEntry;

/** Reads of a channel's stream that are not the fan-out: what it retains, and ranges of its entries. */
@ApplicationScoped
public class ChannelStore {

    @Inject
    Redis redis;

    /** XINFO STREAM, or {@link RetainedRange#NONE} when the stream does not exist. */
    public RetainedRange retained(String key) {
        try {
            return RetainedRange.of(redis.client().xinfoStream(key));
        } catch (JedisDataException e) {
            if (e.getMessage() != null && e.getMessage().contains("no such key")) {
                return RetainedRange.NONE;
            }
            throw e;
        }
    }

    /** Up to {@code count} entries after {@code after} (exclusive) up to {@code upTo} ({@code null}: the newest). */
    public List<StreamEntry> after(String key, StreamEntryID after, StreamEntryID upTo, int count) {
        return redis.client().xrange(key, "(" + after, upTo == null ? "+" : upTo.toString(), count);
    }
}
