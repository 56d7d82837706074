package io.txrx.system;

import io.txrx.launcher.RedisService;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.Set;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The Redis a multi-process test shares with its processes: {@code TXRX_REDIS_URL} when set, else a
 * Testcontainers Redis when a Docker engine answers, else an embedded Redis on a free loopback port.
 */
final class TestRedis implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(TestRedis.class.getName());

    private final String url;
    private final AutoCloseable server;
    private final JedisPooled jedis;

    private TestRedis(String url, AutoCloseable server) {
        this.url = url;
        this.server = server;
        this.jedis = new JedisPooled(URI.create(url));
    }

    static TestRedis start(Path workDir) throws IOException {
        String configured = System.getenv(RedisService.URL_VARIABLE);
        TestRedis redis;
        if (configured != null && !configured.isBlank()) {
            redis = new TestRedis(configured, null);
        } else if (DockerClientFactory.instance().isDockerAvailable()) {
            GenericContainer<?> container = new GenericContainer<>("redis:7-alpine").withExposedPorts(6379);
            container.start();
            redis = new TestRedis("redis://" + container.getHost() + ":" + container.getMappedPort(6379), container);
        } else {
            RedisService embedded = RedisService.startEmbedded(workDir);
            redis = new TestRedis(embedded.url(), embedded);
        }
        LOG.info(() -> "Redis for the test: " + redis.url);
        return redis;
    }

    String url() {
        return url;
    }

    JedisPooled jedis() {
        return jedis;
    }

    /** Deletes every key under {@code prefix}; answers how many there were. */
    int deleteKeys(String prefix) {
        int deleted = 0;
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams match = new ScanParams().match(prefix + "*").count(500);
        do {
            ScanResult<String> page = jedis.scan(cursor, match);
            Set<String> keys = Set.copyOf(page.getResult());
            for (String key : keys) {
                deleted += (int) jedis.del(key);
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        return deleted;
    }

    @Override
    public void close() throws Exception {
        jedis.close();
        if (server != null) {
            server.close();
        }
    }
}
