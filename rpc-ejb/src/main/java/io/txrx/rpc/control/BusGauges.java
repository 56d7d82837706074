package io.txrx.rpc.control;

import io.txrx.metrics.Meters;
import io.txrx.stream.NodePipelines;
import io.txrx.stream.Redis;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Tag;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.resps.StreamGroupInfo;

/**
 * Gauges of the consumer groups txrx reads calls through: a stream's length, and its group's pending
 * entries and lag (entries not yet delivered; Redis 7 and later). They are read from Redis when scraped
 * (XLEN and XINFO GROUPS in one round trip), at most once a second per stream however many gauges and
 * scrapes ask; -1 while Redis cannot tell (unreachable, or no lag before Redis 7).
 */
public final class BusGauges {
    private static final Logger LOG = Logger.getLogger(BusGauges.class.getName());
    private static final long FRESH_MS = 1000;

    private record Reading(long atMs, long length, Map<String, long[]> groups) {}

    private final Redis redis;
    private final Meters meters;
    private final Map<String, Reading> readings = new ConcurrentHashMap<>();
    private final Map<String, Boolean> registered = new ConcurrentHashMap<>();

    public BusGauges(Redis redis, Meters meters) {
        this.redis = redis;
        this.meters = meters;
    }

    /** Registers the gauges of {@code group} on {@code stream} once. */
    public void register(String stream, String group) {
        if (registered.putIfAbsent(stream + '\n' + group, Boolean.TRUE) != null) {
            return;
        }
        if (registered.putIfAbsent(stream, Boolean.TRUE) == null) {
            meters.gauge(
                    "txrx_stream_length",
                    "Entries in a txrx stream (XLEN)",
                    () -> read(stream).length(),
                    new Tag("stream", stream));
        }
        Tag[] tags = {new Tag("stream", stream), new Tag("group", group)};
        meters.gauge(
                "txrx_group_pending",
                "Entries delivered to a consumer group and not yet acknowledged",
                () -> groupValue(stream, group, 0),
                tags);
        meters.gauge(
                "txrx_group_lag",
                "Entries of the stream not yet delivered to the group (-1: Redis cannot tell)",
                () -> groupValue(stream, group, 1),
                tags);
    }

    private long groupValue(String stream, String group, int which) {
        long[] values = read(stream).groups().get(group);
        return values == null ? -1 : values[which];
    }

    private Reading read(String stream) {
        long now = System.currentTimeMillis();
        Reading last = readings.get(stream);
        if (last != null && now - last.atMs() < FRESH_MS) {
            return last;
        }
        Reading reading;
        try (NodePipelines pipelines = redis.pipelines()) {
            Pipeline pipeline = pipelines.on(stream);
            Response<Long> length = pipeline.xlen(stream);
            Response<List<StreamGroupInfo>> groups = pipeline.xinfoGroups(stream);
            pipelines.sync();
            Map<String, long[]> values = new ConcurrentHashMap<>();
            for (StreamGroupInfo group : groups.get()) {
                Object lag = group.getGroupInfo().get("lag");
                values.put(group.getName(), new long[] {group.getPending(), lag instanceof Long n ? n : -1});
            }
            reading = new Reading(now, length.get(), values);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Stream {0} not readable for its gauges: {1}", new Object[] {stream, e.toString()});
            reading = new Reading(now, -1, Map.of());
        }
        readings.put(stream, reading);
        return reading;
    }
}
