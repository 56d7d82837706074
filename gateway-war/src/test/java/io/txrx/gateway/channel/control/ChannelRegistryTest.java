package io.txrx.gateway.channel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

class ChannelRegistryTest {
    private final AtomicInteger changes = new AtomicInteger();
    private final ChannelRegistry cut = new ChannelRegistry(changes::incrementAndGet);

    @Test
    void aNewChannelIsReadFromWhereTheSubscriberLookedAndAnExistingOneFromWhereTheReaderIs() {
        List<String> first = new ArrayList<>();
        assertEquals(id(5), cut.add("k:news", "news", live(first), id(5)));
        assertEquals(1, changes.get());
        cut.deliver("k:news", List.of(entry(6), entry(7)));
        assertEquals(id(7), cut.add("k:news", "news", live(new ArrayList<>()), id(6)), "the reader is at 7 already");
        assertEquals(1, changes.get(), "no new channel");
        assertEquals(Map.of("k:news", id(7)), cut.positions());
        assertEquals(2, first.size());
    }

    @Test
    void everySubscriberGetsEveryMessageOnceAndEntriesReadTwiceAreSkipped() {
        List<String> a = new ArrayList<>();
        List<String> b = new ArrayList<>();
        cut.add("k:news", "news", live(a), id(0));
        cut.add("k:news", "news", live(b), id(0));
        cut.deliver("k:news", List.of(entry(1), entry(2)));
        cut.deliver("k:news", List.of(entry(2), entry(3)));
        assertEquals(3, a.size());
        assertEquals(a, b);
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"method\":\"channel.message\",\"params\":{\"channel\":\"news\",\"offset\":\"1-0\",\"data\":1}}",
                a.get(0));
    }

    @Test
    void aChannelIsDroppedWithItsLastSubscriptionOrItsLastOpenSocket() {
        Subscription one = live(new ArrayList<>());
        cut.add("k:a", "a", one, id(0));
        Subscription closed = new Subscription("b", id(0), text -> false);
        closed.goLive();
        cut.add("k:b", "b", closed, id(0));
        cut.remove("k:a", one);
        assertEquals(Map.of("k:b", id(0)), cut.positions());
        cut.deliver("k:b", List.of(entry(1)));
        assertEquals(Map.of(), cut.positions(), "the socket was gone");
        assertEquals(4, changes.get());
    }

    private static Subscription live(List<String> sent) {
        Subscription subscription = new Subscription("news", id(0), sent::add);
        subscription.goLive();
        return subscription;
    }

    private static StreamEntry entry(long ms) {
        return new StreamEntry(id(ms), Map.of("data", Long.toString(ms)));
    }

    private static StreamEntryID id(long ms) {
        return new StreamEntryID(ms, 0);
    }
}
