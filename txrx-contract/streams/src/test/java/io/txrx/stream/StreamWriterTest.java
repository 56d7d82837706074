package io.txrx.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestRedis;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.resps.StreamEntry;

/** The pipelined writer against a real Redis: what callers enqueue is in the streams once it has stopped. */
class StreamWriterTest {
    private static final String PREFIX =
            "txrx-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static JedisPooled jedis;
    private static Redis redis;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private StreamWriter cut;
    private String stream;

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
    void start() {
        stream = PREFIX + UUID.randomUUID();
        cut = new StreamWriter("Test writer", redis, 16);
        cut.start(threads);
    }

    @AfterEach
    void stop() {
        cut.stop();
        threads.shutdownNow();
    }

    @Test
    void entriesAppendedFromManyThreadsAreAllWrittenWhenItStops() throws Exception {
        var callers = IntStream.range(0, 8)
                .mapToObj(t -> threads.submit(() -> IntStream.range(0, 50)
                        .forEach(i -> cut.append(stream, Map.of("t", "" + t, "i", "" + i), 10_000))))
                .toList();
        for (var caller : callers) {
            caller.get();
        }

        cut.stop();

        List<StreamEntry> written = jedis.xrange(stream, (StreamEntryID) null, null);
        assertEquals(400, written.size());
        for (int t = 0; t < 8; t++) {
            String thread = "" + t;
            assertEquals(
                    IntStream.range(0, 50).mapToObj(i -> "" + i).toList(),
                    written.stream()
                            .filter(e -> e.getFields().get("t").equals(thread))
                            .map(e -> e.getFields().get("i"))
                            .toList(),
                    "each thread's entries in the order it appended them");
        }
    }

    @Test
    void aReplyIsWrittenAndItsCallAckedInTheSameRound() {
        String calls = PREFIX + "calls-" + UUID.randomUUID();
        StreamEntryID call = pendingCall(calls, "call");
        assertEquals(1, jedis.xpending(calls, "service").getTotal(), "the call is pending before its reply");

        cut.appendThenAck(stream, Map.of("msg", "reply"), 1000, new Ack(calls, "service", call));
        cut.stop();

        assertEquals(
                List.of("reply"),
                jedis.xrange(stream, (StreamEntryID) null, null).stream()
                        .map(e -> e.getFields().get("msg"))
                        .toList());
        assertEquals(0, jedis.xpending(calls, "service").getTotal(), "the call is acked");
    }

    @Test
    void anAckAloneWritesNothing() {
        String calls = PREFIX + "calls-" + UUID.randomUUID();
        StreamEntryID call = pendingCall(calls, "notification");

        cut.ack(new Ack(calls, "service", call));
        cut.stop();

        assertEquals(0, jedis.xpending(calls, "service").getTotal());
        assertEquals(0, jedis.exists(stream) ? 1 : 0, "no stream was written");
    }

    @Test
    void stoppedWhileRedisIsUnreachableItEndsPromptlyInsteadOfRetryingForever() throws Exception {
        Redis nowhere = Redis.open("redis://127.0.0.1:" + closedPort(), null, 4, 200);
        try {
            StreamWriter writer = new StreamWriter("Test writer", nowhere, 16);
            writer.start(threads);
            writer.append(stream, Map.of("msg", "never"), 1000);
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (!writer.failing() && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertTrue(writer.failing(), "the writer reports the outage while it retries");

            long stopping = System.nanoTime();
            writer.stop();

            assertTrue(System.nanoTime() - stopping < 2_000_000_000L, "stop returned within 2 s");
        } finally {
            nowhere.close();
        }
    }

    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A call on {@code calls} read by a consumer of group {@code service} and not yet acked. */
    private static StreamEntryID pendingCall(String calls, String message) {
        StreamEntryID call = jedis.xadd(calls, StreamEntryID.NEW_ENTRY, Map.of("msg", message));
        jedis.xgroupCreate(calls, "service", new StreamEntryID(0, 0), false);
        jedis.xreadGroup(
                "service",
                "instance",
                XReadGroupParams.xReadGroupParams(),
                Map.of(calls, StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        return call;
    }
}
