package io.txrx.inspect;

import io.txrx.keys.Fields;
import io.txrx.keys.StreamKeys;
import io.txrx.stream.Redis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XPendingParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamInfo;
import redis.clients.jedis.resps.StreamPendingEntry;

/**
 * Reads the state of txrx's streams from Redis: every stream under the prefix (SCAN ... TYPE stream) with
 * XINFO STREAM, GROUPS and CONSUMERS, and the oldest pending calls of TX and the service streams (XPENDING,
 * then XRANGE of each pending id for its method). On a Redis Cluster, SCAN sees the node the client talks
 * to only. What {@code admin.streams}, {@code admin.pending} and {@code admin.cluster} answer, and what
 * {@code txrx status} prints.
 */
public final class BusInspector {

    public record Consumer(String name, long pending, long idleMs) {}

    /** {@code lag} is {@code null} when Redis cannot tell (before 7.0, or after a deletion in the stream). */
    public record Group(String name, long pending, Long lag, String lastDeliveredId, List<Consumer> consumers) {}

    public record Stream(String key, long length, String firstId, String lastId, List<Group> groups) {}

    /** A call delivered to {@code consumer} of {@code group} and not acknowledged yet. */
    public record PendingCall(
            String stream,
            String group,
            String id,
            String method,
            long ageMs,
            String consumer,
            long idleMs,
            long deliveries) {}

    private final Redis redis;
    private final StreamKeys keys;

    public BusInspector(Redis redis, StreamKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** Every txrx stream, sorted by key. */
    public List<Stream> streams() {
        UnifiedJedis jedis = redis.client();
        List<Stream> streams = new ArrayList<>();
        for (String key : streamKeys(keys.key("") + "*")) {
            StreamInfo info;
            try {
                info = jedis.xinfoStream(key);
            } catch (redis.clients.jedis.exceptions.JedisDataException gone) {
                continue; // deleted (or expired) since the SCAN
            }
            List<Group> groups = new ArrayList<>();
            for (StreamGroupInfo group : jedis.xinfoGroups(key)) {
                List<Consumer> consumers = jedis.xinfoConsumers2(key, group.getName()).stream()
                        .map(c -> new Consumer(c.getName(), c.getPending(), c.getIdle()))
                        .toList();
                Object lag = group.getGroupInfo().get("lag");
                groups.add(new Group(
                        group.getName(),
                        group.getPending(),
                        lag instanceof Long value ? value : null,
                        idOf(group.getLastDeliveredId()),
                        consumers));
            }
            streams.add(new Stream(
                    key,
                    info.getLength(),
                    info.getFirstEntry() == null
                            ? null
                            : idOf(info.getFirstEntry().getID()),
                    info.getLastEntry() == null
                            ? null
                            : idOf(info.getLastEntry().getID()),
                    groups));
        }
        return streams;
    }

    /** The {@code limit} oldest pending calls of TX and every service stream, oldest first. */
    public List<PendingCall> pending(int limit, long nowMs) {
        UnifiedJedis jedis = redis.client();
        List<String> streams = new ArrayList<>();
        if (jedis.exists(keys.tx())) {
            streams.add(keys.tx());
        }
        streams.addAll(streamKeys(keys.rpc("*")));
        List<PendingCall> calls = new ArrayList<>();
        XPendingParams oldest = XPendingParams.xPendingParams()
                .start(StreamEntryID.MINIMUM_ID)
                .end(StreamEntryID.MAXIMUM_ID)
                .count(limit);
        for (String stream : streams) {
            for (StreamGroupInfo group : jedis.xinfoGroups(stream)) {
                if (group.getPending() == 0) {
                    continue;
                }
                for (StreamPendingEntry entry : jedis.xpending(stream, group.getName(), oldest)) {
                    List<StreamEntry> range = jedis.xrange(stream, entry.getID(), entry.getID(), 1);
                    String method =
                            range.isEmpty() ? null : range.get(0).getFields().get(Fields.METHOD);
                    calls.add(new PendingCall(
                            stream,
                            group.getName(),
                            idOf(entry.getID()),
                            method,
                            Math.max(0, nowMs - entry.getID().getTime()),
                            entry.getConsumerName(),
                            entry.getIdleTime(),
                            entry.getDeliveredTimes()));
                }
            }
        }
        calls.sort(Comparator.comparingLong(PendingCall::ageMs).reversed());
        return calls.size() > limit ? List.copyOf(calls.subList(0, limit)) : calls;
    }

    /** The instance ids of the gateways whose RX stream exists (it expires after a gateway died). */
    public List<String> gateways() {
        String prefix = keys.rx("");
        return streamKeys(prefix + "*").stream()
                .map(key -> key.substring(prefix.length()))
                .toList();
    }

    private TreeSet<String> streamKeys(String pattern) {
        return new TreeSet<>(redis.scan(pattern, "stream"));
    }

    private static String idOf(StreamEntryID id) {
        return id == null ? null : id.toString();
    }
}
