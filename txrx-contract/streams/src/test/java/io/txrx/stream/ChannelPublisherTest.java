package io.txrx.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.keys.StreamKeys;
import io.txrx.testing.TestRedis;
import jakarta.json.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/** Publishing against a real Redis: what lands in the stream, and how retention trims it. */
class ChannelPublisherTest {
    private static final String PREFIX =
            "txrx-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static JedisPooled jedis;
    private static Redis redis;

    private ChannelPublisher cut;

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
    void publisher() {
        cut = publisher(redis, PREFIX, 10000, 0);
    }

    static ChannelPublisher publisher(Redis redis, String prefix, long maxLen, long maxAgeMs) {
        ChannelPublisher publisher = new ChannelPublisher();
        publisher.redis = redis;
        publisher.keys = StreamKeys.withPrefix(prefix);
        publisher.maxLen = maxLen;
        publisher.maxAgeMs = maxAgeMs;
        return publisher;
    }

    @Test
    void dataIsAppendedAsJsonAndTheOffsetIsItsEntryId() {
        String offset = cut.publish(
                "news", Json.createObjectBuilder().add("title", "hi").build());
        List<StreamEntry> entries = jedis.xrange(PREFIX + "ch:news", "-", "+");
        assertEquals(offset, entries.get(entries.size() - 1).getID().toString());
        assertEquals(
                Map.of("data", "{\"title\":\"hi\"}"),
                entries.get(entries.size() - 1).getFields());
    }

    @Test
    void keyValuePairsAreAppendedAsFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("symbol", "TXRX");
        fields.put("price", "12.5");
        String offset = cut.publishFields("quotes", fields);
        assertEquals(
                fields,
                jedis.xrange(PREFIX + "ch:quotes", offset, offset).get(0).getFields());
    }

    @Test
    void anInvalidChannelNameIsRefused() {
        assertThrows(JsonRpcException.class, () -> cut.publish("no spaces", Json.createValue(1)));
    }

    @Test
    void theChannelIsCappedAtAboutMaxLen() {
        ChannelPublisher capped = publisher(redis, PREFIX, 100, 0);
        for (int i = 0; i < 400; i++) {
            capped.publish("capped", Json.createValue(i));
        }
        long length = jedis.xlen(PREFIX + "ch:capped");
        assertTrue(length >= 100 && length < 400, "length " + length);
    }

    @Test
    void messagesOlderThanMaxAgeAreDroppedOnPublish() {
        String key = PREFIX + "ch:aged";
        jedis.xadd(key, new StreamEntryID(1, 0), Map.of("data", "\"ancient\""));
        jedis.xadd(key, new StreamEntryID(2, 0), Map.of("data", "\"old\""));
        String offset = publisher(redis, PREFIX, 10000, 60_000).publish("aged", Json.createValue("new"));
        List<StreamEntry> entries = jedis.xrange(key, "-", "+");
        assertEquals(1, entries.size());
        assertEquals(offset, entries.get(0).getID().toString());
    }
}
