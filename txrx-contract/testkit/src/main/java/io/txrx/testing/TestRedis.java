package io.txrx.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Set;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.embedded.RedisServer;

/**
 * The Redis the tests talk to: {@code TXRX_REDIS_URL} when set, else a Testcontainers Redis when a Docker
 * engine answers, else an embedded Redis on a free loopback port. Started once per test JVM; the processes
 * a multi-process test starts share it through its {@link #url()}.
 */
public final class TestRedis {
    private static final Logger LOG = Logger.getLogger(TestRedis.class.getName());
    private static String url;
    private static JedisPooled jedis;

    private TestRedis() {}

    public static synchronized String url() {
        if (url == null) {
            url = start();
            LOG.info("Tests use Redis at " + url);
        }
        return url;
    }

    /** A client of the tests' Redis, shared by the test JVM. */
    public static synchronized JedisPooled jedis() {
        if (jedis == null) {
            jedis = new JedisPooled(URI.create(url()));
        }
        return jedis;
    }

    /** Deletes every key under {@code prefix}; answers how many there were. */
    public static int deleteKeys(String prefix) {
        int deleted = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(prefix + "*").count(500);
        do {
            ScanResult<String> page = jedis().scan(cursor, match);
            Set<String> keys = Set.copyOf(page.getResult());
            for (String key : keys) {
                deleted += (int) jedis().del(key);
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return deleted;
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
