package io.txrx.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.keys.StreamKeys;
import io.txrx.rates.RateBuckets.MethodRate;
import io.txrx.stream.Redis;
import io.txrx.testing.TestRedis;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** What two gateways counted, summed over the last minute from Redis, against a real Redis. */
class RateBucketsTest {
    private static final String PREFIX =
            "txrx-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static JedisPooled jedis;
    private static Redis redis;

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

    @Test
    void theCallsOfEveryGatewayInTheLastMinuteAddUp() {
        RateBuckets cut = new RateBuckets(redis, StreamKeys.withPrefix(PREFIX));
        long now = 1_800_000_000_500L;
        long second = now / 1000;
        CallTally gatewayA = new CallTally(100);
        CallTally gatewayB = new CallTally(100);
        for (int i = 0; i < 90; i++) {
            gatewayA.count("system.echo", 0);
        }
        gatewayA.count("auth.login", -32001);
        gatewayB.count("system.echo", 0);
        for (int i = 0; i < 29; i++) {
            gatewayB.count("auth.login", i < 9 ? -32001 : 0);
        }
        gatewayB.count("auth.login", -32005);

        cut.add(second - 1, gatewayA.drain());
        cut.add(second - 60, gatewayB.drain());
        CallTally tooOld = new CallTally(100);
        tooOld.count("system.echo", 0);
        cut.add(second - 61, tooOld.drain());
        CallTally current = new CallTally(100);
        current.count("system.echo", 0);
        cut.add(second, current.drain());

        List<MethodRate> rates = cut.lastMinute(now);

        assertEquals(
                List.of(
                        new MethodRate("system.echo", 91, 0, 1.517, 0.0, Map.of()),
                        new MethodRate("auth.login", 31, 11, 0.517, 0.183, Map.of("-32001", 10L, "-32005", 1L))),
                rates);
        long ttl = jedis.ttl(cut.key(second - 1));
        assertTrue(ttl > 0 && ttl <= RateBuckets.TTL_SECONDS, "every hash expires: " + ttl);
    }
}
