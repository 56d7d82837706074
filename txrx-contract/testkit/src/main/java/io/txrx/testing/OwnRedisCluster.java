package io.txrx.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * A real Redis Cluster of a test's own on loopback: {@code masters} {@link OwnRedis} nodes sharing the 16384
 * hash slots evenly and one replica for each, joined with CLUSTER ADDSLOTS, MEET and REPLICATE (no
 * {@code redis-cli}, so the embedded-redis binary does too). Nodes mark a silent peer failed after
 * {@value #NODE_TIMEOUT_MS} ms, so a killed master's replica takes over within a few seconds; the cluster keeps
 * serving the other masters' slots meanwhile ({@code cluster-require-full-coverage no}).
 */
public final class OwnRedisCluster implements AutoCloseable {
    public static final int NODE_TIMEOUT_MS = 2000;
    private static final int SLOTS = 16384;
    private static final Duration POLL = Duration.ofMillis(50);

    /** A master as the cluster sees it now: its port and its first and last slot ranges. */
    public record Master(int port, List<int[]> slots) {
        public boolean serves(int slot) {
            return slots.stream().anyMatch(range -> range[0] <= slot && slot <= range[1]);
        }
    }

    private final List<OwnRedis> nodes = new ArrayList<>();

    private OwnRedisCluster() {}

    public static OwnRedisCluster start(Path dir, int masters) throws Exception {
        OwnRedisCluster cluster = new OwnRedisCluster();
        try {
            cluster.build(dir, masters);
            return cluster;
        } catch (Exception e) {
            cluster.close();
            throw e;
        }
    }

    private void build(Path dir, int masters) throws Exception {
        List<String> settings = List.of(
                "--cluster-node-timeout",
                Integer.toString(NODE_TIMEOUT_MS),
                "--cluster-require-full-coverage",
                "no",
                "--appendonly",
                "no");
        for (int i = 0; i < masters * 2; i++) {
            Path nodeDir = dir.resolve("node-" + i);
            // a new cluster, not an earlier run's: its slot map, and the RDB its replication wrote
            Files.deleteIfExists(nodeDir.resolve("nodes.conf"));
            Files.deleteIfExists(nodeDir.resolve("dump.rdb"));
            nodes.add(OwnRedis.startClusterNode(nodeDir, settings));
        }
        for (int m = 0; m < masters; m++) {
            int from = SLOTS * m / masters;
            int to = SLOTS * (m + 1) / masters;
            try (Jedis node = connect(nodes.get(m).port())) {
                node.clusterAddSlots(IntStream.range(from, to).toArray());
            }
        }
        int first = nodes.get(0).port();
        for (OwnRedis node : nodes.subList(1, nodes.size())) {
            try (Jedis jedis = connect(node.port())) {
                jedis.clusterMeet("127.0.0.1", first);
            }
        }
        awaitEveryNodeKnowsAll(Duration.ofSeconds(30));
        for (int m = 0; m < masters; m++) {
            String masterId;
            try (Jedis master = connect(nodes.get(m).port())) {
                masterId = master.clusterMyId();
            }
            try (Jedis replica = connect(nodes.get(masters + m).port())) {
                replica.clusterReplicate(masterId);
            }
        }
        awaitServing(Duration.ofSeconds(30));
    }

    /** The seed nodes for {@code txrx.redis.cluster-nodes}: every node, {@code 127.0.0.1:port,...}. */
    public String seeds() {
        return nodes.stream().map(node -> "127.0.0.1:" + node.port()).collect(Collectors.joining(","));
    }

    /** A {@code redis://} URL of one node (only for what the URL carries besides the address). */
    public String url() {
        return nodes.get(0).url();
    }

    /** The masters the live nodes agree on now, with their slots. */
    public List<Master> masters() {
        for (OwnRedis node : nodes) {
            if (!node.alive()) {
                continue;
            }
            try (Jedis jedis = connect(node.port())) {
                return masters(jedis.clusterNodes());
            } catch (JedisException e) {
                // ask another node
            }
        }
        throw new IllegalStateException("no node of the cluster answers");
    }

    /** The master serving {@code key}'s hash slot now. */
    public Master masterOf(String key) {
        int slot = JedisClusterCRC16.getSlot(key);
        return masters().stream()
                .filter(master -> master.serves(slot))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no master serves slot " + slot));
    }

    /** SIGKILLs the master serving {@code key}; answers its port. */
    public int killMasterOf(String key) throws InterruptedException {
        int port = masterOf(key).port();
        for (OwnRedis node : nodes) {
            if (node.port() == port) {
                node.kill();
            }
        }
        return port;
    }

    /**
     * Starts every killed node again (same port and folder: it rejoins as a replica of the master that took its
     * slots) and waits until every master has a replica online again.
     */
    public void restartKilled() throws Exception {
        for (OwnRedis node : nodes) {
            if (!node.alive()) {
                node.startAgain(false);
            }
        }
        awaitServing(Duration.ofSeconds(60));
    }

    /**
     * Waits until a live node serves {@code key}'s slot as master and the cluster is ok again (after a
     * failover); answers when that was (epoch ms).
     */
    public long awaitServed(String key, Duration timeout) throws Exception {
        int slot = JedisClusterCRC16.getSlot(key);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Master master = masterOf(key);
                if (isLive(master.port()) && clusterOk(master.port())) {
                    return System.currentTimeMillis();
                }
            } catch (IllegalStateException | JedisException e) {
                // not decided yet
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new TimeoutException("no live master serves slot " + slot + " after " + timeout);
    }

    /** How many keys matching {@code pattern} each master (by port) holds. */
    public Map<Integer, Integer> keysPerMaster(String pattern) {
        Map<Integer, Integer> counts = new LinkedHashMap<>();
        for (Master master : masters()) {
            int count = 0;
            try (Jedis jedis = connect(master.port())) {
                ScanParams params = new ScanParams().match(pattern).count(1000);
                String cursor = ScanParams.SCAN_POINTER_START;
                do {
                    ScanResult<String> page = jedis.scan(cursor, params);
                    count += page.getResult().size();
                    cursor = page.getCursor();
                } while (!ScanParams.SCAN_POINTER_START.equals(cursor));
            }
            counts.put(master.port(), count);
        }
        return counts;
    }

    /** Masters from CLUSTER NODES text (failed ones left out). */
    static List<Master> masters(String clusterNodes) {
        List<Master> masters = new ArrayList<>();
        for (String line : clusterNodes.split("\n")) {
            String[] fields = line.strip().split(" ");
            if (fields.length < 9 || !fields[2].contains("master") || fields[2].contains("fail")) {
                continue;
            }
            String address = fields[1].split("@")[0];
            int port = Integer.parseInt(address.substring(address.lastIndexOf(':') + 1));
            List<int[]> slots = new ArrayList<>();
            for (int i = 8; i < fields.length; i++) {
                if (fields[i].startsWith("[")) {
                    continue; // a slot being migrated
                }
                String[] range = fields[i].split("-");
                int from = Integer.parseInt(range[0]);
                slots.add(new int[] {from, range.length > 1 ? Integer.parseInt(range[1]) : from});
            }
            if (!slots.isEmpty()) {
                masters.add(new Master(port, slots));
            }
        }
        return masters;
    }

    private boolean isLive(int port) {
        return nodes.stream().anyMatch(node -> node.port() == port && node.alive());
    }

    private static boolean clusterOk(int port) {
        try (Jedis jedis = connect(port)) {
            return jedis.clusterInfo().contains("cluster_state:ok");
        }
    }

    private void awaitEveryNodeKnowsAll(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (OwnRedis node : nodes) {
            while (true) {
                try (Jedis jedis = connect(node.port())) {
                    String known = jedis.clusterNodes();
                    if (known.lines()
                                    .filter(line -> !line.contains("handshake"))
                                    .count()
                            == nodes.size()) {
                        break;
                    }
                }
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the cluster's nodes did not meet within " + timeout);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private void awaitServing(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Master master : masters()) {
            while (!replicated(master.port())) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("master " + master.port() + " has no replica online after " + timeout);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
        for (OwnRedis node : nodes) {
            while (!clusterOk(node.port())
                    || masters().stream()
                                    .mapToLong(m -> m.slots().stream()
                                            .mapToLong(r -> r[1] - r[0] + 1L)
                                            .sum())
                                    .sum()
                            < SLOTS) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException("the cluster was not ok within " + timeout);
                }
                Thread.sleep(POLL.toMillis());
            }
        }
    }

    private static boolean replicated(int port) {
        try (Jedis jedis = connect(port)) {
            String info = jedis.info("replication");
            return info.contains("connected_slaves:1") && info.contains("state=online");
        }
    }

    private static Jedis connect(int port) {
        return new Jedis("127.0.0.1", port, 2000);
    }

    @Override
    public void close() throws InterruptedException {
        for (OwnRedis node : nodes) {
            node.close();
        }
    }
}
