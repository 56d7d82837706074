package io.txrx.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamConsumerInfo;
import redis.clients.jedis.resps.StreamEntry;

/** Taking over what a dead consumer left pending, against a real Redis, and nothing of a live one. */
class DeadConsumerClaimsTest {
    private static final String PREFIX =
            "txrx-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static final long SILENT_MS = 300;
    private static JedisPooled jedis;

    private final String stream = PREFIX + UUID.randomUUID();
    private final List<StreamEntry> claimed = new ArrayList<>();

    @BeforeAll
    static void connect() {
        jedis = TestRedis.jedis();
    }

    @AfterAll
    static void cleanUp() {
        TestRedis.deleteKeys(PREFIX);
    }

    @Test
    void theCallsOfAConsumerThatStoppedReadingAreTakenOverOnceAndItIsForgotten() throws Exception {
        GroupReader dead = reader("dead");
        dead.ensureGroup();
        add(3);
        assertEquals(3, dead.readNew(3).size(), "the consumer took three calls, then died");
        GroupReader live = reader("live");
        GroupReader other = reader("other");
        DeadConsumerClaims cut = new DeadConsumerClaims(live, SILENT_MS);
        DeadConsumerClaims rival = new DeadConsumerClaims(other, SILENT_MS);

        long deadline = System.currentTimeMillis() + 5_000;
        while (claimed.size() < 3 && System.currentTimeMillis() < deadline) {
            live.readNew(); // a live consumer reads every round
            other.readNew();
            cut.claimIfDue(System.currentTimeMillis(), () -> true, claimed::addAll);
            rival.claimIfDue(System.currentTimeMillis(), () -> true, claimed::addAll);
        }

        assertEquals(3, claimed.size(), "every call taken over, and by one consumer only: " + claimed);
        assertEquals(3, claimed.stream().map(StreamEntry::getID).distinct().count());
        while (consumerNames().contains("dead") && System.currentTimeMillis() < deadline + 5_000) {
            live.readNew();
            cut.claimIfDue(System.currentTimeMillis(), () -> true, claimed::addAll);
        }
        assertTrue(!consumerNames().contains("dead"), "the dead consumer is removed once it holds nothing");
    }

    @Test
    void aConsumerThatTouchesWhileBusyKeepsItsCalls() throws Exception {
        GroupReader busy = reader("busy");
        busy.ensureGroup();
        add(1);
        assertEquals(1, busy.readNew().size(), "the consumer runs a long call");
        GroupReader live = reader("live");
        DeadConsumerClaims cut = new DeadConsumerClaims(live, SILENT_MS);

        long until = System.currentTimeMillis() + 4 * SILENT_MS;
        while (System.currentTimeMillis() < until) {
            busy.touch();
            live.readNew();
            cut.claimIfDue(System.currentTimeMillis(), () -> true, claimed::addAll);
        }

        assertEquals(List.of(), claimed, "nothing taken from a consumer that is alive");
        assertEquals(1, jedis.xpending(stream, "g").getTotal());
    }

    @Test
    void afterAGapInItsOwnRoundsAConsumerWaitsBeforeItJudgesOthers() throws Exception {
        GroupReader stalled = reader("stalled");
        stalled.ensureGroup();
        add(1);
        stalled.readNew();
        GroupReader live = reader("live");
        live.readNew();
        DeadConsumerClaims cut = new DeadConsumerClaims(live, SILENT_MS);
        assertEquals(0, cut.claimIfDue(System.currentTimeMillis(), () -> true, claimed::addAll), "not silent yet");

        // as in an outage: this reader's rounds stop while the other one's silence grows past the bound
        long deadline = System.currentTimeMillis() + 5_000;
        while (idleOf("stalled") < 2 * SILENT_MS && System.currentTimeMillis() < deadline) {
            Thread.onSpinWait();
        }
        long resumed = System.currentTimeMillis();
        assertEquals(0, cut.claimIfDue(resumed, () -> true, claimed::addAll), "no judgement right after a gap");
        long claimedAt = 0;
        while (claimed.isEmpty() && System.currentTimeMillis() < deadline) {
            live.readNew();
            claimedAt = System.currentTimeMillis();
            cut.claimIfDue(claimedAt, () -> true, claimed::addAll);
        }

        assertEquals(1, claimed.size(), "taken over once the others had a silence interval to read again");
        assertTrue(claimedAt - resumed >= SILENT_MS, "claimed " + (claimedAt - resumed) + " ms after the gap");
    }

    private long idleOf(String consumer) {
        return jedis.xinfoConsumers2(stream, "g").stream()
                .filter(info -> info.getName().equals(consumer))
                .mapToLong(StreamConsumerInfo::getIdle)
                .findFirst()
                .orElseThrow();
    }

    private GroupReader reader(String consumer) {
        return new GroupReader(jedis, stream, "g", consumer, 2, 10);
    }

    private void add(int count) {
        for (int i = 0; i < count; i++) {
            jedis.xadd(stream, StreamEntryID.NEW_ENTRY, Map.of("n", Integer.toString(i)));
        }
    }

    private List<String> consumerNames() {
        return jedis.xinfoConsumers2(stream, "g").stream()
                .map(StreamConsumerInfo::getName)
                .toList();
    }
}
