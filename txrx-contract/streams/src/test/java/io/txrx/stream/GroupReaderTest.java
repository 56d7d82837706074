package io.txrx.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.txrx.testing.TestRedis;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** A group reader against a real Redis whose data goes away under it, as in a restart without persistence. */
class GroupReaderTest {
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
    void readingGoesOnAfterTheStreamAndItsGroupAreGone() {
        String stream = PREFIX + "tx";
        GroupReader cut = new GroupReader(jedis, stream, "dispatchers", "d-1", 10, 10);
        cut.ensureGroup();
        jedis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("n", "1"));
        assertEquals(List.of("1"), values(cut.readNew()));

        jedis.del(stream);

        assertEquals(List.of(), cut.readNew(), "the first read after the loss finds the group recreated, empty");
        jedis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("n", "2"));
        List<StreamEntry> after = cut.readNew();
        assertEquals(List.of("2"), values(after));
        cut.ack(after.get(0).getID());
        assertEquals(0, jedis.xpending(stream, "dispatchers").getTotal());
    }

    @Test
    void claimingRecreatesTheGroupAndAckingALostEntryIsHarmless() {
        String stream = PREFIX + "rpc:system";
        GroupReader cut = new GroupReader(jedis, stream, "system", "r-1", 10, 10);
        cut.ensureGroup();
        jedis.del(stream);

        assertEquals(List.of(), cut.claim(0, new StreamEntryID(0, 0)).getValue());
        assertEquals(1, jedis.xinfoGroups(stream).size(), "the group exists again");
        jedis.del(stream);
        cut.ack(new StreamEntryID(1, 0)); // Redis answers 0 for a missing key: nothing to ack, no error
    }

    private static List<String> values(List<StreamEntry> entries) {
        return entries.stream().map(entry -> entry.getFields().get("n")).toList();
    }
}
