package io.txrx.stream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPooled;

/**
 * The process's connection pool to Redis, from {@code txrx.redis.url} ({@code redis://}, or {@code rediss://}
 * for TLS, with user and password in the URL). Blocking stream reads hold a connection each, so the pool is
 * sized for the readers plus the writers.
 */
@ApplicationScoped
public class Redis {
    private static final Logger LOG = Logger.getLogger(Redis.class.getName());

    @Inject
    @ConfigProperty(name = "txrx.redis.url")
    String url;

    @Inject
    @ConfigProperty(name = "txrx.redis.pool-size")
    int poolSize;

    @Inject
    @ConfigProperty(name = "txrx.redis.timeout-ms")
    int timeoutMs;

    private JedisPooled client;

    @PostConstruct
    void open() {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setJmxEnabled(false);
        URI uri = URI.create(url);
        client = new JedisPooled(pool, uri, timeoutMs);
        LOG.log(Level.INFO, "Redis at {0}:{1}", new Object[] {uri.getHost(), String.valueOf(uri.getPort())});
    }

    @PreDestroy
    void close() {
        client.close();
    }

    public JedisPooled client() {
        return client;
    }
}
