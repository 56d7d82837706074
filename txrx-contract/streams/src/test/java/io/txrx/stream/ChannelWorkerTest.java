package io.txrx.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestRedis;
import jakarta.json.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;

/** A fleet of workers sharing a channel through a consumer group, against a real Redis. */
class ChannelWorkerTest {
    private static final String PREFIX =
            "txrx-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static final String GROUP = "thumbnailers";
    private static JedisPooled jedis;
    private static Redis redis;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<ChannelWorker> workers = new ArrayList<>();
    private ChannelPublisher publisher;
    private String channel;
    private String key;

    @BeforeAll
    static void connect() {
        jedis = TestRedis.jedis();
        redis = Redis.open(TestRedis.url(), null, 4, 2000);
    }

    @AfterAll
    static void cleanUp() {
        TestRedis.deleteKeys(PREFIX);
        redis.close();
    }

    @BeforeEach
    void channel() {
        publisher = ChannelPublisherTest.publisher(redis, PREFIX, 10000, 0);
        channel = "jobs." + UUID.randomUUID().toString().substring(0, 8);
        key = PREFIX + "ch:" + channel;
    }

    @AfterEach
    void stopWorkers() throws InterruptedException {
        workers.forEach(ChannelWorker::stop);
        threads.shutdown();
        assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS), "workers stop within their block time");
    }

    @Test
    void eachMessageGoesToExactlyOneWorkerAndIsAcked() throws Exception {
        List<String> published = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            published.add(publisher.publish(channel, Json.createValue(i)));
        }
        Map<String, String> handledBy = new ConcurrentHashMap<>();
        Set<String> handledTwice = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(80);
        for (String name : new String[] {"w1", "w2"}) {
            start(name, 10_000, message -> {
                if (handledBy.put(message.offset(), name) != null) {
                    handledTwice.add(message.offset());
                }
                all.countDown();
            });
        }
        for (int i = 40; i < 80; i++) {
            published.add(publisher.publish(channel, Json.createValue(i)));
        }
        assertTrue(all.await(10, TimeUnit.SECONDS), "every message handled; missing " + (80 - handledBy.size()));
        assertEquals(Set.copyOf(published), handledBy.keySet());
        assertEquals(Set.of(), handledTwice);
        stopAndAwaitAcks();
    }

    @Test
    void messagesADeadWorkerLeftPendingAreClaimedByALiveOne() throws Exception {
        for (int i = 0; i < 5; i++) {
            publisher.publish(channel, Json.createValue(i));
        }
        new GroupReader(jedis, key, GROUP, "dead", 64, 0).ensureGroup();
        var taken = jedis.xreadGroup(
                GROUP,
                "dead",
                XReadGroupParams.xReadGroupParams().count(64),
                Map.of(key, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        assertEquals(5, taken.get(0).getValue().size(), "the dead worker took every message and never acked");

        Set<String> handled = ConcurrentHashMap.newKeySet();
        CountDownLatch all = new CountDownLatch(5);
        start("alive", 300, message -> {
            handled.add(message.offset());
            all.countDown();
        });
        assertTrue(all.await(10, TimeUnit.SECONDS), "claimed after the idle time");
        assertEquals(5, handled.size());
        stopAndAwaitAcks();
    }

    @Test
    void aMessageWhoseHandlerFailedIsHandledAgain() throws Exception {
        String offset = publisher.publish(channel, Json.createValue("flaky"));
        AtomicBoolean failedOnce = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(1);
        start("w1", 200, message -> {
            if (failedOnce.compareAndSet(false, true)) {
                throw new IllegalStateException("first attempt fails");
            }
            assertEquals(offset, message.offset());
            done.countDown();
        });
        assertTrue(done.await(10, TimeUnit.SECONDS), "retried after the claim idle time");
        stopAndAwaitAcks();
    }

    private void start(String consumer, long claimIdleMs, ChannelWorker.Handler handler) {
        ChannelWorker worker = new ChannelWorker(jedis, key, channel, GROUP, consumer, claimIdleMs, handler);
        workers.add(worker);
        worker.start(threads);
    }

    private void stopAndAwaitAcks() throws InterruptedException {
        workers.forEach(ChannelWorker::stop);
        threads.shutdown();
        assertTrue(threads.awaitTermination(5, TimeUnit.SECONDS));
        assertEquals(0, jedis.xpending(key, GROUP).getTotal(), "every handled message is acked");
    }
}
