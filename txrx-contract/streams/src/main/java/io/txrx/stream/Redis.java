package io.txrx.stream;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisClusterCRC16;
import redis.clients.jedis.util.JedisURIHelper;

/**
 * The process's client of Redis: one Redis from {@code txrx.redis.url} ({@code redis://}, or {@code rediss://}
 * for TLS, with user and password in the URL), or, when {@code txrx.redis.cluster-nodes} names seed nodes, a
 * Redis Cluster (user, password and TLS still from the URL). Every feature uses the same {@link #client()}
 * for single-key commands, {@link #pipelines()} for round trips that touch many keys (one pipeline per node
 * on a cluster), {@link #connection(String)} for a connection of its own (blocking reads that another thread
 * may unblock) and {@link #scan(String, String)} for keys on every node. Blocking stream reads hold a
 * connection each, so each node's pool is sized for the readers plus the writers.
 */
@ApplicationScoped
public class Redis {
    private static final Logger LOG = Logger.getLogger(Redis.class.getName());
    /**
     * Tries per cluster command: the second, after a connection failure or a MOVED, runs on a relearned slot
     * map. Jedis's longer retries (with growing pauses, up to attempts x timeout) would hold a loop for tens of
     * seconds after a failover; the loops retry on their own, each time with a fresh map.
     */
    private static final int CLUSTER_ATTEMPTS = 2;

    private static final int SCAN_PAGE = 1000;
    private static final int SLOTS = 16384;

    @Inject
    @ConfigProperty(name = "txrx.redis.url")
    String url;

    @Inject
    @ConfigProperty(name = "txrx.redis.cluster-nodes")
    Optional<String> clusterNodes;

    @Inject
    @ConfigProperty(name = "txrx.redis.pool-size")
    int poolSize;

    @Inject
    @ConfigProperty(name = "txrx.redis.timeout-ms")
    int timeoutMs;

    private UnifiedJedis client;
    private JedisPooled single;
    private ClusterConnectionProvider cluster;

    /** For code outside a container (tests, the launcher's status); close it when done. */
    public static Redis open(String url, String clusterNodes, int poolSize, int timeoutMs) {
        Redis redis = new Redis();
        redis.url = url;
        redis.clusterNodes = Optional.ofNullable(clusterNodes);
        redis.poolSize = poolSize;
        redis.timeoutMs = timeoutMs;
        redis.open();
        return redis;
    }

    @PostConstruct
    void open() {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(poolSize);
        pool.setMaxIdle(poolSize);
        pool.setJmxEnabled(false);
        URI uri = URI.create(url);
        Set<HostAndPort> seeds = seeds(clusterNodes.orElse(""));
        if (seeds.isEmpty()) {
            single = new JedisPooled(pool, uri, timeoutMs);
            client = single;
            LOG.log(Level.INFO, "Redis at {0}:{1}", new Object[] {uri.getHost(), String.valueOf(uri.getPort())});
            return;
        }
        DefaultJedisClientConfig config = DefaultJedisClientConfig.builder()
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .ssl(JedisURIHelper.isRedisSSLScheme(uri))
                .connectionTimeoutMillis(timeoutMs)
                .socketTimeoutMillis(timeoutMs)
                .build();
        cluster = new ClusterConnectionProvider(seeds, config, pool);
        client = new JedisCluster(cluster, CLUSTER_ATTEMPTS, Duration.ofMillis(timeoutMs));
        LOG.log(Level.INFO, "Redis Cluster from seed nodes {0}: {1} masters", new Object[] {
            seeds, masters().size()
        });
    }

    /** The seed nodes of a {@code host:port,host:port} list (blanks ignored). */
    static Set<HostAndPort> seeds(String nodes) {
        return Arrays.stream(nodes.split(","))
                .map(String::strip)
                .filter(node -> !node.isEmpty())
                .map(HostAndPort::from)
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    @PreDestroy
    public void close() {
        client.close();
    }

    /** Single-key commands (and commands whose keys share a hash slot), routed to the right node. */
    public UnifiedJedis client() {
        return client;
    }

    public boolean isCluster() {
        return cluster != null;
    }

    /** The hash slot of {@code key} on a cluster; 0 for every key on one Redis. */
    public int slot(String key) {
        return isCluster() ? JedisClusterCRC16.getSlot(key) : 0;
    }

    /** Pipelines for one round trip per node: close them (try-with-resources) after {@link NodePipelines#sync()}. */
    public NodePipelines pipelines() {
        return new NodePipelines(this);
    }

    /**
     * A connection of its own to the node holding {@code key} (on one Redis, any key), such as for a blocking
     * read that CLIENT UNBLOCK may end; close it to give it back.
     */
    public Jedis connection(String key) {
        return new Jedis(
                isCluster() ? connectionToMasterOf(key) : single.getPool().getResource());
    }

    /** A pipeline on the node holding {@code key}, with a connection of its own that closing it gives back. */
    Pipeline pipeline(String key) {
        return isCluster() ? new Pipeline(connectionToMasterOf(key), true) : single.pipelined();
    }

    /**
     * A connection to the master of {@code key}'s slot as the slot map has it. When a node cannot be reached,
     * the map is relearned before the failure is thrown: after a failover the caller's next try then goes to the
     * replica that took over, even in a process whose other commands never touch that node.
     */
    private Connection connectionToMasterOf(String key) {
        return connectionTo(master(key));
    }

    private Connection connectionTo(HostAndPort node) {
        try {
            return cluster.getConnection(node);
        } catch (JedisConnectionException e) {
            renewTopology();
            throw e;
        }
    }

    /** Which node holds {@code key} ({@code null} on one Redis: there is one node). */
    HostAndPort node(String key) {
        return isCluster() ? master(key) : null;
    }

    /** After a node failed or answered MOVED: learn which node holds which slots again. */
    void renewTopology() {
        if (isCluster()) {
            try {
                cluster.renewSlotCache();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Renewing the cluster's slot map failed: {0}", e.toString());
            }
        }
    }

    /** Every key matching {@code match} (of {@code type}, or any type when null) on every master. */
    public Set<String> scan(String match, String type) {
        Set<String> keys = new TreeSet<>();
        ScanParams params = new ScanParams().match(match).count(SCAN_PAGE);
        if (!isCluster()) {
            scanInto(keys, cursor -> type == null ? single.scan(cursor, params) : single.scan(cursor, params, type));
            return keys;
        }
        for (HostAndPort master : masters()) {
            try (Jedis node = new Jedis(connectionTo(master))) {
                scanInto(keys, cursor -> type == null ? node.scan(cursor, params) : node.scan(cursor, params, type));
            }
        }
        return keys;
    }

    /** The cluster's masters as the slot map knows them (empty on one Redis). */
    public Set<HostAndPort> masters() {
        Set<HostAndPort> masters = new LinkedHashSet<>();
        if (isCluster()) {
            for (int slot = 0; slot < SLOTS; slot++) {
                HostAndPort node = cluster.getNode(slot);
                if (node != null) {
                    masters.add(node);
                }
            }
        }
        return masters;
    }

    private HostAndPort master(String key) {
        int slot = JedisClusterCRC16.getSlot(key);
        HostAndPort node = cluster.getNode(slot);
        if (node == null) {
            renewTopology();
            node = cluster.getNode(slot);
        }
        if (node == null) {
            throw new JedisClusterOperationException("no node serves hash slot " + slot + " (of " + key + ")");
        }
        return node;
    }

    private interface ScanPage {
        ScanResult<String> next(String cursor);
    }

    private static void scanInto(Set<String> keys, ScanPage page) {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
            ScanResult<String> result = page.next(cursor);
            keys.addAll(result.getResult());
            cursor = result.getCursor();
        } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
    }
}
