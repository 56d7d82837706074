package io.txrx.rates;

import io.txrx.keys.StreamKeys;
import io.txrx.rates.CallTally.Counts;
import io.txrx.stream.NodePipelines;
import io.txrx.stream.Redis;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;

/**
 * Calls per method and second in Redis, for the whole system: one hash per second,
 * {@code <prefix>rates:<epoch second>}, to which every gateway adds (HINCRBY) what it answered that second,
 * with fields {@code c|<method>} (calls) and {@code e|<code>|<method>} (errors with that code); each hash
 * expires after {@link #TTL_SECONDS}. Reading the last minute takes the 60 hashes of the last 60 whole
 * seconds in one round trip. Every command touches one key, so it works on a Redis Cluster as well.
 */
public final class RateBuckets {
    /** The window {@code admin.rates} reports, in seconds. */
    public static final int WINDOW_SECONDS = 60;
    /** How long a second's hash lives: the window and a margin for clocks that differ. */
    public static final int TTL_SECONDS = 2 * WINDOW_SECONDS;

    private static final String CALLS = "c|";
    private static final String ERRORS = "e|";

    /** One method over the window: its calls and errors, per second, and its errors by code. */
    public record MethodRate(
            String method,
            long calls,
            long errors,
            double callsPerSecond,
            double errorsPerSecond,
            Map<String, Long> errorCodes) {}

    private final Redis redis;
    private final StreamKeys keys;

    public RateBuckets(Redis redis, StreamKeys keys) {
        this.redis = redis;
        this.keys = keys;
    }

    /** The hash of one epoch second. */
    public String key(long epochSecond) {
        return keys.key("rates:" + epochSecond);
    }

    /** Adds what a process counted to the hash of {@code epochSecond}, in one round trip. */
    public void add(long epochSecond, Map<String, Counts> counted) {
        if (counted.isEmpty()) {
            return;
        }
        String key = key(epochSecond);
        try (NodePipelines pipelines = redis.pipelines()) {
            Pipeline pipeline = pipelines.on(key);
            counted.forEach((method, counts) -> {
                pipeline.hincrBy(key, CALLS + method, counts.calls());
                counts.errors().forEach((code, n) -> pipeline.hincrBy(key, ERRORS + code + "|" + method, n));
            });
            pipeline.expire(key, TTL_SECONDS);
            pipelines.sync();
        }
    }

    /** Every method called in the {@value #WINDOW_SECONDS} whole seconds before {@code nowMs}, most called first. */
    public List<MethodRate> lastMinute(long nowMs) {
        long now = Math.floorDiv(nowMs, 1000);
        List<Response<Map<String, String>>> seconds = new ArrayList<>(WINDOW_SECONDS);
        try (NodePipelines pipelines = redis.pipelines()) {
            for (long second = now - WINDOW_SECONDS; second < now; second++) {
                String key = key(second);
                seconds.add(pipelines.on(key).hgetAll(key));
            }
            pipelines.sync();
        }
        Map<String, long[]> calls = new HashMap<>();
        Map<String, Map<String, Long>> errors = new HashMap<>();
        for (Response<Map<String, String>> second : seconds) {
            second.get().forEach((field, value) -> {
                long n = Long.parseLong(value);
                if (field.startsWith(CALLS)) {
                    calls.computeIfAbsent(field.substring(CALLS.length()), m -> new long[1])[0] += n;
                } else if (field.startsWith(ERRORS)) {
                    int bar = field.indexOf('|', ERRORS.length());
                    String code = field.substring(ERRORS.length(), bar);
                    errors.computeIfAbsent(field.substring(bar + 1), m -> new TreeMap<>())
                            .merge(code, n, Long::sum);
                }
            });
        }
        List<MethodRate> rates = new ArrayList<>();
        calls.forEach((method, n) -> {
            Map<String, Long> codes = errors.getOrDefault(method, Map.of());
            long failed = codes.values().stream().mapToLong(Long::longValue).sum();
            rates.add(new MethodRate(method, n[0], failed, perSecond(n[0]), perSecond(failed), codes));
        });
        rates.sort(Comparator.comparingLong(MethodRate::calls).reversed().thenComparing(MethodRate::method));
        return rates;
    }

    /** {@code count} over the window, per second, to three decimals. */
    public static double perSecond(long count) {
        return Math.round(count * 1000.0 / WINDOW_SECONDS) / 1000.0;
    }
}
