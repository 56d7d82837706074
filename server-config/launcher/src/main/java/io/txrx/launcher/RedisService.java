package io.txrx.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import redis.embedded.RedisServer;

/**
 * The Redis every process shares: {@code TXRX_REDIS_URL} when given, or the Redis Cluster of
 * {@code TXRX_REDIS_CLUSTER_NODES} (its URL then only carries user, password and TLS), else an embedded one
 * on loopback.
 */
public final class RedisService implements AutoCloseable {

    public static final String URL_VARIABLE = "TXRX_REDIS_URL";
    public static final String CLUSTER_VARIABLE = "TXRX_REDIS_CLUSTER_NODES";

    private final String url;
    private final RedisServer embedded;

    private RedisService(String url, RedisServer embedded) {
        this.url = url;
        this.embedded = embedded;
    }

    public static RedisService resolve(Map<String, String> env, Path workDir) throws IOException {
        String configured = configuredUrl(env);
        return configured != null ? new RedisService(configured, null) : startEmbedded(workDir);
    }

    /** The seed nodes of {@code TXRX_REDIS_CLUSTER_NODES}, or {@code null} when no cluster is named. */
    public static String clusterNodes(Map<String, String> env) {
        String nodes = env.get(CLUSTER_VARIABLE);
        return nodes == null || nodes.isBlank() ? null : nodes;
    }

    /**
     * {@code TXRX_REDIS_URL}, else a URL of the first seed node of {@code TXRX_REDIS_CLUSTER_NODES} (the
     * processes then read the cluster's nodes themselves), else {@code null}: no Redis is configured.
     */
    public static String configuredUrl(Map<String, String> env) {
        String url = env.get(URL_VARIABLE);
        if (url != null && !url.isBlank()) {
            return url;
        }
        String cluster = clusterNodes(env);
        return cluster == null ? null : "redis://" + cluster.split(",")[0].strip();
    }

    /** Redis 6.2 from the embedded-redis package, bound to 127.0.0.1, nothing saved to disk. */
    public static RedisService startEmbedded(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        int port = FreePort.find();
        RedisServer server = RedisServer.newRedisServer()
                .port(port)
                .bind(MicroRuntime.BIND_ADDRESS)
                .setting("save \"\"")
                .setting("appendonly no")
                .setting("dir " + workDir.toAbsolutePath())
                .build();
        server.start();
        return new RedisService("redis://" + MicroRuntime.BIND_ADDRESS + ":" + port, server);
    }

    public String url() {
        return url;
    }

    public boolean embedded() {
        return embedded != null;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.stop();
        }
    }
}
