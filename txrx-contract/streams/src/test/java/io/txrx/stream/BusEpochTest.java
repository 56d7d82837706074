package io.txrx.stream;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestRedis;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;

/** Telling a Redis that lost its data from one that kept it, against a real Redis. */
class BusEpochTest {
    private static final String PREFIX =
            "txrx-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static JedisPooled jedis;

    @BeforeAll
    static void connect() {
        jedis = TestRedis.jedis();
    }

    @AfterAll
    static void cleanUp() {
        TestRedis.deleteKeys(PREFIX);
    }

    @Test
    void dataThatStaysIsNeverReportedLost() {
        BusEpoch cut = new BusEpoch(jedis, PREFIX + "kept");
        assertFalse(cut.lost(), "the first check only learns the epoch");
        assertFalse(cut.lost());
        assertFalse(new BusEpoch(jedis, PREFIX + "kept").lost(), "a second process finds the same epoch");
        assertFalse(cut.lost());
    }

    @Test
    void aFlushIsReportedOnceToEveryProcessAndAllAgreeOnTheNewEpoch() {
        String key = PREFIX + "flushed";
        BusEpoch gateway = new BusEpoch(jedis, key);
        BusEpoch peer = new BusEpoch(jedis, key);
        gateway.lost();
        peer.lost();

        jedis.del(key);

        assertTrue(gateway.lost(), "the gateway sees the data gone");
        assertTrue(peer.lost(), "so does the peer, though the gateway already set a new epoch");
        assertFalse(gateway.lost(), "reported once");
        assertFalse(peer.lost());
    }
}
