package io.txrx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.txrx.client.GatewaySocket;
import io.txrx.launcher.MicroProcess;
import io.txrx.launcher.Role;
import io.txrx.testing.OwnRedis;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.JedisPooled;

/**
 * {@code txrx all} on a Redis without persistence that goes away under it: calls are refused at once while it is
 * down, work again within 5 s of its return with no one acting, a call that was in Redis when its data was lost
 * is answered -32007 at once, the log has one warning per loop per outage, and SIGTERM ends the process within
 * 10 s while Redis is down.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class RedisOutageIT {
    private static final Logger LOG = Logger.getLogger(RedisOutageIT.class.getName());
    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final Pattern OUTAGE_BEGAN = Pattern.compile("(.+) failed, retrying until it works");

    private OwnRedis redis;
    private SystemUnderTest system;
    private MicroProcess txrx;
    private GatewaySocket client;

    @BeforeAll
    void start() throws Exception {
        Path run = Path.of("target", "redis-outage").toAbsolutePath();
        redis = OwnRedis.start(run.resolve("redis"));
        system = new SystemUnderTest(run, Map.of(), redis.url());
        txrx = system.start(Role.ALL, "all");
        txrx.awaitReady(BOOT);
        client = GatewaySocket.open(txrx.gatewayUri(), Duration.ofSeconds(30));
        assertEquals(
                "pong", callUntilAnswered("system.ping", Duration.ofSeconds(60)).getString("result"));
    }

    @AfterAll
    void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        if (system != null) {
            system.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    @Order(1)
    void whileRedisIsDownCallsAreRefusedAtOnceAndAfterItsReturnTheyWorkWithin5s() throws Exception {
        int logBefore = txrx.log().lines().size();
        redis.kill();

        JsonObject refused = awaitError(-32006, Duration.ofSeconds(5));
        long asked = System.nanoTime();
        JsonObject again =
                client.call("system.ping", JsonValue.EMPTY_JSON_ARRAY).get(2, TimeUnit.SECONDS);
        long refusedInMs = (System.nanoTime() - asked) / 1_000_000;
        assertEquals(-32006, again.getJsonObject("error").getInt("code"), "the socket is open and refuses: " + again);
        assertTrue(refusedInMs < 1000, "refused in " + refusedInMs + " ms, not after the call timeout");
        LOG.info(() -> "refused while down: " + refused);

        redis.startAgain(false);
        long back = System.nanoTime();
        JsonObject pong = callUntilAnswered("system.ping", Duration.ofSeconds(5));
        long recoveredMs = (System.nanoTime() - back) / 1_000_000;
        assertEquals("pong", pong.getString("result"));
        LOG.info(() ->
                "redis restarted empty: calls answered again " + recoveredMs + " ms after it accepted connections");
        assertTrue(recoveredMs < 5000, "back within 5 s, took " + recoveredMs + " ms");

        Map<String, Long> warningsPerLoop = txrx.log().lines().stream()
                .skip(logBefore)
                .map(OUTAGE_BEGAN::matcher)
                .filter(Matcher::find)
                .collect(Collectors.groupingBy(
                        m -> m.group(1).replaceAll(".*\\] ?", "").trim(), Collectors.counting()));
        assertFalse(warningsPerLoop.isEmpty(), "the outage is in the log");
        warningsPerLoop.forEach((loop, count) -> assertEquals(1, count, loop + " warned once for the outage"));
    }

    @Test
    @Order(2)
    void aCallThatWasInRedisWhenItsDataWasLostIsAnsweredLostAtOnce() throws Exception {
        JedisPooled jedis = new JedisPooled(java.net.URI.create(redis.url()));
        String calls = system.prefix() + "rpc:system";
        CompletableFuture<JsonObject> sleeping = client.call(
                "system.sleep", Json.createObjectBuilder().add("ms", 20_000).build());
        awaitPending(jedis, calls, Duration.ofSeconds(10));
        jedis.close();

        redis.kill();
        redis.startAgain(false);
        long back = System.nanoTime();

        JsonObject lost = sleeping.get(10, TimeUnit.SECONDS);
        long answeredMs = (System.nanoTime() - back) / 1_000_000;
        assertEquals(-32007, lost.getJsonObject("error").getInt("code"), "answered as lost: " + lost);
        LOG.info(() -> "a call in Redis at the restart was answered -32007 " + answeredMs + " ms after it");
        assertEquals(
                "pong", callUntilAnswered("system.ping", Duration.ofSeconds(5)).getString("result"));
    }

    @Test
    @Order(3)
    void sigtermEndsTheProcessWithin10sWhileRedisIsDown() throws Exception {
        redis.kill();
        awaitError(-32006, Duration.ofSeconds(5));

        long asked = System.nanoTime();
        txrx.terminate();
        try {
            txrx.onExit().get(10, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            fail("still running 10 s after SIGTERM with Redis down");
        }
        LOG.info(() -> "SIGTERM with Redis down: ended in " + (System.nanoTime() - asked) / 1_000_000 + " ms");
    }

    /** Calls until a result comes, each call bounded by a second, all by {@code within}. */
    private JsonObject callUntilAnswered(String method, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            try {
                last = client.call(method, JsonValue.EMPTY_JSON_ARRAY).get(1, TimeUnit.SECONDS);
                if (last.containsKey("result")) {
                    return last;
                }
            } catch (TimeoutException e) {
                last = null;
            }
            TimeUnit.MILLISECONDS.sleep(50); // paced retries, not a guess: the deadline bounds them
        }
        throw new AssertionError("no result for " + method + " within " + within + "; last reply " + last);
    }

    private JsonObject awaitError(int code, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        JsonObject last = null;
        while (System.nanoTime() < deadline) {
            try {
                // a call the gateway took just before it saw the outage waits for Redis: the next one is refused
                last = client.call("system.ping", JsonValue.EMPTY_JSON_ARRAY).get(1, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                continue;
            }
            if (last.containsKey("error") && last.getJsonObject("error").getInt("code") == code) {
                return last;
            }
            TimeUnit.MILLISECONDS.sleep(20); // paced retries, bounded by the deadline
        }
        throw new AssertionError("no " + code + " within " + within + "; last reply " + last);
    }

    private static void awaitPending(JedisPooled jedis, String stream, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (jedis.exists(stream)
                    && !jedis.xinfoGroups(stream).isEmpty()
                    && jedis.xpending(stream, "system").getTotal() > 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("the call never reached " + stream);
    }
}
