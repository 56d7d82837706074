package io.txrx.launcher;

import io.txrx.keys.StreamKeys;
import io.txrx.stream.Redis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code txrx status}: prints the cluster, streams and rates of a running system, read from its Redis:
 * {@code TXRX_REDIS_URL} (or {@code -e TXRX_REDIS_URL=...}), else the embedded Redis of a run command
 * running with the same run folder, whose address it keeps in {@code <run folder>/redis-url}. The key
 * prefix is {@code TXRX_PREFIX}, else {@code txrx:}.
 */
final class Status {
    static final String URL_FILE = "redis-url";
    private static final String PREFIX_VARIABLE = "TXRX_PREFIX";
    private static final String DEFAULT_PREFIX = "txrx:";
    private static final int STATUS_TIMEOUT_MS = 5000;

    private Status() {}

    /** Prints the status; answers the exit code (1 when no Redis is found or it does not answer). */
    static int run(LaunchOptions options, Console console, Map<String, String> environment) throws IOException {
        Map<String, String> env = new HashMap<>(environment);
        env.putAll(options.env());
        String url = RedisService.configuredUrl(env);
        String cluster = RedisService.clusterNodes(env);
        Path file = options.runDir().resolve(URL_FILE);
        if (url == null && Files.isReadable(file)) {
            url = Files.readString(file).strip();
        }
        if (url == null || url.isBlank()) {
            console.say("no running txrx found: set TXRX_REDIS_URL (no " + file + " either)");
            return 1;
        }
        String prefix = env.getOrDefault(PREFIX_VARIABLE, DEFAULT_PREFIX);
        try {
            Redis redis = Redis.open(url, cluster, 2, STATUS_TIMEOUT_MS);
            try {
                console.block(BusStatus.read(redis, StreamKeys.withPrefix(prefix), System.currentTimeMillis())
                        .format());
                return 0;
            } finally {
                redis.close();
            }
        } catch (JedisException e) {
            console.say("Redis at " + Launch.withoutPassword(url) + " does not answer: " + e.getMessage());
            return 1;
        }
    }
}
