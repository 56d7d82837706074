package io.txrx.launcher;

import io.txrx.inspect.BusInspector;
import io.txrx.inspect.BusInspector.Group;
import io.txrx.inspect.BusInspector.Stream;
import io.txrx.keys.StreamKeys;
import io.txrx.rates.RateBuckets;
import io.txrx.rates.RateBuckets.MethodRate;
import io.txrx.stream.Redis;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.resps.StreamEntry;

/**
 * What {@code txrx status} shows, read from Redis alone (no sign-in needed): the peers heard on the P2P stream
 * in the last {@link #HEARD_WITHIN_MS} ms (their own word: signatures are not checked here), the gateways
 * by their RX streams, every stream under the prefix with its groups, and the calls of the last minute
 * as {@code admin.rates} counts them.
 */
record BusStatus(long at, List<Peer> peers, List<String> gateways, List<Stream> streams, List<MethodRate> rates) {
    /** The default {@code txrx.p2p.peer-ttl-ms}: a peer silent longer is taken for gone. */
    static final long HEARD_WITHIN_MS = 7000;

    private static final int P2P_ENTRIES = 2000;

    record Peer(String instance, String roles, long lastHeardMs) {}

    static BusStatus read(Redis redis, StreamKeys keys, long nowMs) {
        BusInspector bus = new BusInspector(redis, keys);
        return new BusStatus(
                nowMs,
                peers(redis.client(), keys, nowMs),
                bus.gateways(),
                bus.streams(),
                new RateBuckets(redis, keys).lastMinute(nowMs));
    }

    private static List<Peer> peers(UnifiedJedis redis, StreamKeys keys, long nowMs) {
        Map<String, Peer> last = new TreeMap<>();
        List<StreamEntry> recent = redis.xrevrange(
                keys.p2p(), StreamEntryID.MAXIMUM_ID, new StreamEntryID(nowMs - HEARD_WITHIN_MS, 0), P2P_ENTRIES);
        List<String> gone = new ArrayList<>();
        for (StreamEntry entry : recent) { // newest first
            Map<String, String> fields = entry.getFields();
            String from = fields.get("from");
            if (from == null || last.containsKey(from) || gone.contains(from)) {
                continue;
            }
            if ("bye".equals(fields.get("type"))) {
                gone.add(from);
            } else {
                last.put(
                        from,
                        new Peer(
                                from,
                                fields.getOrDefault("role", "?"),
                                entry.getID().getTime()));
            }
        }
        return List.copyOf(last.values());
    }

    /** The report as the terminal shows it. */
    String format() {
        StringBuilder out = new StringBuilder();
        out.append("cluster (P2P peers heard in the last ")
                .append(HEARD_WITHIN_MS / 1000)
                .append(" s, gateways by their RX streams)\n");
        if (peers.isEmpty()) {
            out.append("  no dispatcher or rpc peer heard\n");
        }
        for (Peer peer : peers) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-16s %-48s heard %.1f s ago%n",
                    peer.roles(),
                    peer.instance(),
                    (at - peer.lastHeardMs()) / 1000.0));
        }
        for (String gateway : gateways) {
            out.append(String.format(Locale.ROOT, "  %-16s %s%n", "gateway", gateway));
        }
        out.append("streams\n");
        out.append(String.format(
                Locale.ROOT,
                "  %-40s %9s  %-14s %8s %8s %9s%n",
                "key",
                "length",
                "group",
                "pending",
                "lag",
                "consumers"));
        for (Stream stream : streams) {
            if (stream.groups().isEmpty()) {
                out.append(String.format(Locale.ROOT, "  %-40s %9d%n", stream.key(), stream.length()));
            }
            for (Group group : stream.groups()) {
                out.append(String.format(
                        Locale.ROOT,
                        "  %-40s %9d  %-14s %8d %8s %9d%n",
                        stream.key(),
                        stream.length(),
                        group.name(),
                        group.pending(),
                        group.lag() == null ? "-" : group.lag().toString(),
                        group.consumers().size()));
            }
        }
        out.append("rates (last ").append(RateBuckets.WINDOW_SECONDS).append(" s, every gateway)\n");
        if (rates.isEmpty()) {
            out.append("  no calls\n");
        } else {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-32s %9s %9s %9s  %s%n",
                    "method",
                    "calls",
                    "calls/s",
                    "errors/s",
                    "errors by code"));
        }
        for (MethodRate rate : rates) {
            out.append(String.format(
                    Locale.ROOT,
                    "  %-32s %9d %9.3f %9.3f  %s%n",
                    rate.method(),
                    rate.calls(),
                    rate.callsPerSecond(),
                    rate.errorsPerSecond(),
                    rate.errorCodes().isEmpty() ? "" : rate.errorCodes().toString()));
        }
        return out.toString();
    }
}
