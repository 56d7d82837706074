package io.txrx.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.keys.StreamKeys;
import io.txrx.testing.OwnRedisCluster;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The client on a real local Redis Cluster (3 masters, 3 replicas): pipelines split per node, SCAN over every
 * master, channel keys spread by their hash tags, and a writer that loses nothing when a master is killed and
 * its replica takes over.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisClusterTest {
    private static final String PREFIX = "txrx-cluster-test:";

    private OwnRedisCluster cluster;
    private Redis redis;
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeAll
    void startCluster() throws Exception {
        cluster = OwnRedisCluster.start(Path.of("target", "redis-cluster").toAbsolutePath(), 3);
        redis = Redis.open(cluster.url(), cluster.seeds(), 8, 2000);
    }

    @AfterAll
    void stopCluster() throws Exception {
        threads.shutdownNow();
        redis.close();
        cluster.close();
    }

    @Test
    void aPipelineOverKeysOfEveryNodeWritesEachOnItsNodeAndScanFindsThemAll() {
        List<String> keys =
                IntStream.range(0, 60).mapToObj(i -> PREFIX + "spread:" + i).toList();
        try (NodePipelines pipelines = redis.pipelines()) {
            keys.forEach(key -> pipelines.on(key).set(key, "v"));
            pipelines.sync();
        }

        Map<Integer, Integer> perMaster = cluster.keysPerMaster(PREFIX + "spread:*");
        assertEquals(3, perMaster.size(), perMaster.toString());
        assertTrue(perMaster.values().stream().allMatch(n -> n > 0), "every master holds some: " + perMaster);
        assertEquals(60, perMaster.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(Set.copyOf(keys), redis.scan(PREFIX + "spread:*", null));
    }

    @Test
    void channelKeysShareAFewSlotsYetLandOnEveryMaster() {
        StreamKeys keys = StreamKeys.forCluster(PREFIX, 16);
        Set<Integer> slots = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String key = keys.channel("room." + i);
            slots.add(redis.slot(key));
            redis.client().xadd(key, StreamEntryID.NEW_ENTRY, Map.of("d", "x"));
        }

        assertEquals(16, slots.size(), "one slot per hash tag");
        Map<Integer, Integer> perMaster = cluster.keysPerMaster(PREFIX + "ch:*");
        assertTrue(perMaster.values().stream().allMatch(n -> n > 0), "every master holds channels: " + perMaster);
    }

    @Test
    void aWriterLosesNoEntryWhenAMasterIsKilledAndItsReplicaTakesOver() throws Exception {
        List<String> streams =
                IntStream.range(0, 6).mapToObj(i -> PREFIX + "failover:" + i).toList();
        StreamWriter writer = new StreamWriter("Cluster writer", redis, 64);
        writer.start(threads);
        int perStream = 400;
        int killedAt = perStream / 2;
        int killedPort = -1;
        for (int n = 0; n < perStream; n++) {
            for (String stream : streams) {
                writer.append(stream, Map.of("n", Integer.toString(n)), 100_000);
            }
            if (n == killedAt) {
                // what was written so far is on the replica too: Redis replicates asynchronously, and a
                // write the master acknowledged in the last milliseconds before dying is Redis's to lose
                for (String stream : streams) {
                    awaitLength(stream, killedAt + 1, Duration.ofSeconds(10));
                    redis.client().waitReplicas(stream, 1, 1000);
                }
                killedPort = cluster.killMasterOf(streams.get(0));
            }
        }
        cluster.awaitServed(streams.get(0), Duration.ofSeconds(30));
        for (String stream : streams) {
            awaitLength(stream, perStream, Duration.ofSeconds(30));
        }
        writer.stop();
        cluster.restartKilled();

        assertNotEquals(killedPort, cluster.masterOf(streams.get(0)).port(), "the replica took over");
        for (String stream : streams) {
            List<StreamEntry> entries = redis.client().xrange(stream, "-", "+");
            Set<String> numbers = new HashSet<>();
            entries.forEach(entry -> numbers.add(entry.getFields().get("n")));
            assertEquals(perStream, numbers.size(), stream + ": every entry written (a retried batch may repeat some)");
        }
    }

    @Test
    void aGroupReaderReadsAgainOnTheNewMasterAfterAFailover() throws Exception {
        String stream = PREFIX + "group:" + System.nanoTime();
        GroupReader reader = new GroupReader(redis.client(), stream, "g", "c1", 16, 10);
        reader.ensureGroup();
        redis.client().xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("n", "before"));
        redis.client().waitReplicas(stream, 1, 1000);
        cluster.killMasterOf(stream);
        cluster.awaitServed(stream, Duration.ofSeconds(30));
        cluster.restartKilled();
        // as every loop does: a command that met the old map fails once, and the next runs on the new one
        retrying(() -> redis.client().xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("n", "after")));

        List<String> read = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (read.size() < 2 && System.nanoTime() < deadline) {
            retrying(reader::readNew)
                    .forEach(entry -> read.add(entry.getFields().get("n")));
        }
        assertEquals(List.of("before", "after"), read);
    }

    @Test
    void pipelinesAndOwnConnectionsReachTheNewMasterInAProcessThatRunsNothingElse() throws Exception {
        String key = PREFIX + "alone:" + System.nanoTime();
        Redis alone = Redis.open(cluster.url(), cluster.seeds(), 4, 2000);
        try {
            try (var connection = alone.connection(key)) {
                connection.set(key, "before");
                connection.waitReplicas(1, 1000);
            }
            Supplier<String> writeThenRead = () -> {
                try (NodePipelines pipelines = alone.pipelines()) {
                    pipelines.on(key).set(key, "after");
                    pipelines.sync();
                }
                try (var connection = alone.connection(key)) {
                    return connection.get(key);
                }
            };
            int killed = cluster.killMasterOf(key);
            // tried at once, as a busy writer would: it fails, and the slot map it relearns still names the dead
            // master, since the replica has not taken over yet
            assertThrows(JedisException.class, writeThenRead::get);
            cluster.awaitServed(key, Duration.ofSeconds(30));

            // as a writer's loop does: try, and after a failure try again a little later
            assertEquals("after", retryingForAWhile(writeThenRead));
            assertNotEquals(killed, cluster.masterOf(key).port(), "the replica took over");
        } finally {
            alone.close();
            cluster.restartKilled();
            redis.renewTopology(); // the other tests' client did not see this failover happen
        }
    }

    /** Runs {@code command} until it works, pausing after each failure, for up to ten seconds. */
    private static <T> T retryingForAWhile(Supplier<T> command) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try {
                return command.get();
            } catch (JedisException e) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("still failing after 10 s", e);
                }
                Thread.sleep(500);
            }
        }
    }

    private static <T> T retrying(Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            return command.get();
        }
    }

    private long length(String stream) {
        try {
            return redis.client().xlen(stream);
        } catch (RuntimeException e) {
            return -1; // its master is failing over
        }
    }

    private void awaitLength(String stream, long length, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (length(stream) < length) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(stream + " did not reach " + length + " entries");
            }
            Thread.sleep(5);
        }
    }
}
