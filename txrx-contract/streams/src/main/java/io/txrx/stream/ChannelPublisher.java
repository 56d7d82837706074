package io.txrx.stream;

import io.txrx.channel.ChannelFields;
import io.txrx.channel.ChannelName;
import io.txrx.keys.StreamKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XTrimParams;

/**
 * Publishes to a channel from the server side, in any role: a handler, a job, a gateway on behalf of a
 * socket. No permission check here (server code is trusted; sockets go through the channel policy first).
 * Each publish appends one entry, capped at about {@code txrx.channel.max-len} entries, and when
 * {@code txrx.channel.max-age-ms} is set drops entries older than that in the same round trip.
 */
@ApplicationScoped
public class ChannelPublisher {
    private static final Logger LOG = Logger.getLogger(ChannelPublisher.class.getName());

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    @Inject
    @ConfigProperty(name = "txrx.channel.max-len")
    long maxLen;

    @Inject
    @ConfigProperty(name = "txrx.channel.max-age-ms")
    long maxAgeMs;

    /** Publishes {@code data} (any JSON) and answers the new message's offset. */
    public String publish(String channel, JsonValue data) {
        return append(channel, ChannelFields.ofData(data));
    }

    /** Publishes key/value pairs (kept in their order) and answers the new message's offset. */
    public String publishFields(String channel, Map<String, String> fields) {
        if (fields.isEmpty()) {
            throw new IllegalArgumentException("A message needs at least one field");
        }
        return append(channel, fields);
    }

    private String append(String channel, Map<String, String> fields) {
        String key = keys.channel(ChannelName.validate(channel));
        XAddParams add = XAddParams.xAddParams();
        if (maxLen > 0) {
            add.maxLen(maxLen).approximateTrimming();
        }
        Response<StreamEntryID> id;
        try (NodePipelines pipelines = redis.pipelines()) {
            Pipeline pipeline = pipelines.on(key);
            id = pipeline.xadd(key, add, fields);
            if (maxAgeMs > 0) {
                pipeline.xtrim(
                        key, XTrimParams.xTrimParams().minId(Long.toString(System.currentTimeMillis() - maxAgeMs)));
            }
            pipelines.sync();
        }
        LOG.log(Level.FINE, "Published {0} to {1}", new Object[] {id.get(), channel});
        return id.get().toString();
    }
}
