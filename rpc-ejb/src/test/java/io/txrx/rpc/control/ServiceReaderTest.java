package io.txrx.rpc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.keys.Fields;
import io.txrx.keys.StreamKeys;
import io.txrx.stream.GroupReader;
import io.txrx.stream.Redis;
import io.txrx.stream.StreamWriter;
import io.txrx.testing.TestRedis;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Validation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadGroupParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/** One service's reader and workers against a real Redis: calls in, replies out to the caller's gateway. */
class ServiceReaderTest {
    private static final String PREFIX =
            "txrx-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static final String SERVICE = "sample";
    private static final String GATEWAY = "gw1";
    private static JedisPooled jedis;
    private static Redis redis;

    /** Handlers of the service: a quick one and one that waits until the test lets it go. */
    public static class Sample {
        static volatile CountDownLatch release = new CountDownLatch(0);
        static volatile CountDownLatch started = new CountDownLatch(0);

        public String ping() {
            return "pong";
        }

        public String slow() throws InterruptedException {
            started.countDown();
            assertTrue(release.await(10, TimeUnit.SECONDS));
            return "done";
        }
    }

    private final StreamKeys keys = StreamKeys.withPrefix(PREFIX + UUID.randomUUID() + ":");
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final HandlerRegistry handlers = new HandlerRegistry();
    private final StreamWriter replies = new StreamWriter("Reply writer", redis, 64);
    private final List<ServiceReader> started = new ArrayList<>();

    @BeforeAll
    static void connect() {
        jedis = TestRedis.jedis();
        redis = Redis.open(TestRedis.url(), null, 8, 2000);
    }

    @AfterAll
    static void cleanUp() {
        TestRedis.deleteKeys(PREFIX);
        redis.close();
    }

    ServiceReaderTest() {
        var jsonb = JsonbBuilder.create();
        var validator = Validation.buildDefaultValidatorFactory().getValidator();
        for (var method : Sample.class.getDeclaredMethods()) {
            handlers.register(new Handler(SERVICE + "." + method.getName(), new Sample(), method, jsonb, validator));
        }
        replies.start(threads);
    }

    @AfterEach
    void stop() {
        started.forEach(ServiceReader::stop);
        replies.stop();
        threads.shutdownNow();
    }

    @Test
    void aCallIsAnsweredOnItsGatewaysRxStreamAndAckedAfter() {
        ServiceReader cut = start("i1", 10_000, 4);

        call("c1", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.ping\"}");

        StreamEntry reply = nextReply(new StreamEntryID(0, 0));
        assertEquals("c1", reply.getFields().get(Fields.CALL));
        assertEquals("s1", reply.getFields().get(Fields.SESSION));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"pong\"}",
                reply.getFields().get(Fields.MESSAGE));
        cut.stop();
        replies.stop();
        assertEquals(0, jedis.xpending(keys.rpc(SERVICE), SERVICE).getTotal(), "the call is acked");
    }

    @Test
    void aNotificationIsRunAndAckedWithoutAReply() {
        ServiceReader cut = start("i1", 10_000, 4);

        call(null, "{\"jsonrpc\":\"2.0\",\"method\":\"sample.ping\"}");
        call("c2", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"sample.ping\"}");

        StreamEntry reply = nextReply(new StreamEntryID(0, 0));
        cut.stop();
        replies.stop();
        assertEquals("c2", reply.getFields().get(Fields.CALL), "the only reply is the call's");
        assertEquals(1, jedis.xlen(keys.rx(GATEWAY)));
        assertEquals(0, jedis.xpending(keys.rpc(SERVICE), SERVICE).getTotal(), "both are acked");
    }

    @Test
    void aSlowCallDoesNotHoldUpTheOthers() {
        Sample.release = new CountDownLatch(1);
        start("i1", 10_000, 4);

        call("slow", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.slow\"}");
        call("quick", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"sample.ping\"}");

        StreamEntry first = nextReply(new StreamEntryID(0, 0));
        Sample.release.countDown();
        StreamEntry second = nextReply(first.getID());
        assertEquals("quick", first.getFields().get(Fields.CALL));
        assertEquals("slow", second.getFields().get(Fields.CALL));
    }

    @Test
    void aCallLeftPendingByADeadInstanceIsClaimedAndAnswered() {
        GroupReader dead = new GroupReader(jedis, keys.rpc(SERVICE), SERVICE, "dead", 16, 100);
        dead.ensureGroup();
        call("orphan", "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"sample.ping\"}");
        jedis.xreadGroup(
                SERVICE,
                "dead",
                XReadGroupParams.xReadGroupParams(),
                Map.of(keys.rpc(SERVICE), StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        assertEquals(1, jedis.xpending(keys.rpc(SERVICE), SERVICE).getTotal(), "the dead instance holds the call");

        start("i2", 200, 4);

        StreamEntry reply = nextReply(new StreamEntryID(0, 0));
        assertEquals("orphan", reply.getFields().get(Fields.CALL));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":\"pong\"}",
                reply.getFields().get(Fields.MESSAGE));
    }

    @Test
    void aCleanStopAnswersTheCallRunningAndLeavesTheUntakenOnesInTheStream() throws Exception {
        Sample.release = new CountDownLatch(1);
        Sample.started = new CountDownLatch(1);
        ServiceReader cut = start("i1", 10_000, 1);
        call("running", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.slow\"}");
        assertTrue(Sample.started.await(10, TimeUnit.SECONDS), "the call runs");
        StreamEntryID waiting = call("waiting", "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"sample.ping\"}");

        CountDownLatch stopped = new CountDownLatch(1);
        threads.submit(() -> {
            cut.stop(); // as RpcServer.stop: the readers drained, then the writer
            replies.stop();
            stopped.countDown();
        });
        assertFalse(stopped.await(300, TimeUnit.MILLISECONDS), "the stop waits for the call it runs");
        Sample.release.countDown();
        assertTrue(stopped.await(10, TimeUnit.SECONDS), "the stop ends once the call is answered");

        StreamEntry reply = nextReply(new StreamEntryID(0, 0));
        assertEquals("running", reply.getFields().get(Fields.CALL));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"done\"}",
                reply.getFields().get(Fields.MESSAGE));
        assertEquals(1, jedis.xlen(keys.rx(GATEWAY)), "the call no worker was free for is not run here");
        assertEquals(0, jedis.xpending(keys.rpc(SERVICE), SERVICE).getTotal(), "nothing left pending here");
        StreamEntryID delivered = jedis.xinfoGroups(keys.rpc(SERVICE)).get(0).getLastDeliveredId();
        assertTrue(delivered.compareTo(waiting) < 0, "it waits in the stream, undelivered, for other instances");
    }

    @Test
    void aLongCallOnALiveInstanceIsNotTakenOverByAnother() throws Exception {
        Sample.release = new CountDownLatch(1);
        Sample.started = new CountDownLatch(2);
        start("i1", 300, 1);
        call("long", "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.slow\"}");
        start("i2", 300, 4);

        assertFalse(
                Sample.started.await(2, TimeUnit.SECONDS),
                "the call ran a second time though its instance is alive (it was taken over)");
        Sample.release.countDown();

        StreamEntry reply = nextReply(new StreamEntryID(0, 0));
        assertEquals("long", reply.getFields().get(Fields.CALL));
        started.forEach(ServiceReader::stop);
        replies.stop();
        assertEquals(1, jedis.xlen(keys.rx(GATEWAY)), "answered once");
    }

    private ServiceReader start(String instance, long claimIdleMs, int workers) {
        GroupReader stream = new GroupReader(jedis, keys.rpc(SERVICE), SERVICE, instance, 16, 100);
        stream.ensureGroup();
        ServiceReader reader =
                new ServiceReader(stream, new CallExecutor(handlers), replies, keys, claimIdleMs, 1000, workers, 100);
        reader.start(threads);
        started.add(reader);
        return reader;
    }

    private StreamEntryID call(String callId, String message) {
        Map<String, String> fields = new java.util.HashMap<>();
        fields.put(Fields.GATEWAY, GATEWAY);
        fields.put(Fields.SESSION, "s1");
        fields.put(Fields.METHOD, "x");
        fields.put(Fields.MESSAGE, message);
        if (callId != null) {
            fields.put(Fields.CALL, callId);
        }
        return jedis.xadd(keys.rpc(SERVICE), StreamEntryID.NEW_ENTRY, fields);
    }

    /** The next entry on the gateway's RX after {@code after}, waiting for it with a bounded blocking read. */
    private StreamEntry nextReply(StreamEntryID after) {
        var read = jedis.xread(XReadParams.xReadParams().count(1).block(10_000), Map.of(keys.rx(GATEWAY), after));
        assertTrue(read != null && !read.isEmpty(), "a reply within 10 s");
        return read.get(0).getValue().get(0);
    }
}
