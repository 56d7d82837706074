package io.txrx.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.embedded.RedisServer;

/**
 * The Redis the tests talk to: {@code TXRX_REDIS_URL} when set, else a Testcontainers Redis when a Docker
 * engine answers, else an embedded Redis on a free loopback port. Started once per test JVM.
 */
public final class TestRedis {
    private static final Logger LOG = Logger.getLogger(TestRedis.class.getName());
    private static String url;

    private TestRedis() {}

    public static synchronized String url() {
        if (url == null) {
            url = start();
            LOG.info("Tests use Redis at " + url);
        }
        return url;
    }

    private static String start() {
        String configured = System.getenv("TXRX_REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            container.start();
            return "redis://" + container.getHost() + ":" + container.getMappedPort(6379);
        }
        return startEmbedded();
    }

    private static String startEmbedded() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(port)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException e) {
                    LOG.warning("Embedded Redis did not stop: " + e.getMessage());
                }
            }));
            return "redis://127.0.0.1:" + port;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded Redis", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
