package io.txrx.testing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.core.ExecutableProvider;

/**
 * A {@code redis-server} process of a test's own (from the PATH, else the binary embedded-redis ships, so a
 * machine with only a JDK runs it too), on a free loopback port, that the test can
 * kill and start again on the same port and folder: without persistence (it comes back empty) or with
 * {@code --appendonly yes --appendfsync always} (it comes back with every write it acknowledged). Never the
 * Redis other tests share.
 */
public final class OwnRedis implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(20);

    private final Path dir;
    private final int port;
    private final List<String> settings;
    private Process process;

    private OwnRedis(Path dir, int port, List<String> settings) {
        this.dir = dir;
        this.port = port;
        this.settings = List.copyOf(settings);
    }

    /** Starts a Redis without persistence in {@code dir} and waits until it accepts connections. */
    public static OwnRedis start(Path dir) throws Exception {
        Files.createDirectories(dir);
        OwnRedis redis = new OwnRedis(dir, freePort(), List.of());
        redis.startAgain(false);
        return redis;
    }

    /**
     * Starts a node of a Redis Cluster ({@code --cluster-enabled yes}, with {@code settings} besides) in
     * {@code dir}, on a port whose cluster bus port (+10000) is free too; {@link OwnRedisCluster} joins them.
     */
    static OwnRedis startClusterNode(Path dir, List<String> settings) throws Exception {
        Files.createDirectories(dir);
        List<String> all = new ArrayList<>(List.of("--cluster-enabled", "yes", "--cluster-config-file", "nodes.conf"));
        all.addAll(settings);
        OwnRedis redis = new OwnRedis(dir, freeClusterPort(), all);
        redis.startAgain(false);
        return redis;
    }

    public int port() {
        return port;
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** SIGKILL: Redis gets no chance to save anything beyond what its AOF already holds. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("redis-server (pid " + process.pid() + ") did not end after SIGKILL");
        }
    }

    /**
     * Starts Redis again on the same port and folder, with or without the AOF, and waits until it accepts
     * connections; answers when that was (epoch ms).
     */
    public long startAgain(boolean appendOnly) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                executable(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toAbsolutePath().toString(),
                "--save",
                "",
                "--daemonize",
                "no"));
        command.addAll(
                appendOnly ? List.of("--appendonly", "yes", "--appendfsync", "always") : List.of("--appendonly", "no"));
        command.addAll(settings);
        try {
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            dir.resolve("redis.log").toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start " + command.get(0), e);
        }
        return awaitAccepting(Duration.ofSeconds(20));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int freeClusterPort() throws IOException {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = freePort();
            if (port + 10_000 > 65_535) {
                continue;
            }
            try (ServerSocket bus = new ServerSocket(port + 10_000, 1, InetAddress.getLoopbackAddress())) {
                return bus.getLocalPort() - 10_000;
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IOException("no free port with a free cluster bus port (+10000) found");
    }

    private static String executable() throws IOException {
        try {
            return ExecutableProvider.newExecutableInPath("redis-server").get().getAbsolutePath();
        } catch (FileNotFoundException e) {
            return ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
        }
    }

    private long awaitAccepting(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "redis-server ended with " + process.exitValue() + ", see " + dir.resolve("redis.log"));
            }
            try (Jedis jedis = new Jedis("127.0.0.1", port, 200)) {
                if ("PONG".equals(jedis.ping())) {
                    return System.currentTimeMillis();
                }
            } catch (JedisException e) {
                // not accepting yet (or still loading its AOF)
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new TimeoutException("redis-server on port " + port + " not accepting after " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
