package io.txrx.handlers.health;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.embedded.core.ExecutableProvider;

/**
 * A {@code redis-server} of a test's own, without persistence, on a free loopback port, that the test kills
 * and starts again on the same port (it comes back empty): never the Redis other tests share.
 */
final class OwnRedis implements AutoCloseable {
    private static final Duration POLL = Duration.ofMillis(20);

    private final Path dir;
    private final int port;
    private Process process;

    private OwnRedis(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    static OwnRedis start(Path dir) throws Exception {
        Files.createDirectories(dir);
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        OwnRedis redis = new OwnRedis(dir, port);
        redis.startAgain();
        return redis;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("redis-server (pid " + process.pid() + ") did not end after SIGKILL");
        }
    }

    /** Starts Redis (again) on the port and waits until it accepts connections. */
    void startAgain() throws Exception {
        List<String> command = List.of(
                executable(),
                "--port",
                Integer.toString(port),
                "--bind",
                "127.0.0.1",
                "--dir",
                dir.toAbsolutePath().toString(),
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no");
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve("redis.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "redis-server ended with " + process.exitValue() + ", see " + dir.resolve("redis.log"));
            }
            try (Jedis jedis = new Jedis("127.0.0.1", port, 200)) {
                if ("PONG".equals(jedis.ping())) {
                    return;
                }
            } catch (JedisException e) {
                // not accepting yet
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new TimeoutException("redis-server on port " + port + " not accepting within 20 s");
    }

    private static String executable() throws IOException {
        try {
            return ExecutableProvider.newExecutableInPath("redis-server").get().getAbsolutePath();
        } catch (FileNotFoundException e) {
            return ExecutableProvider.newJarResourceProvider().get().getAbsolutePath();
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }
}
