package io.txrx.gateway.channel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

class SubscriptionTest {
    private final List<String> sent = new ArrayList<>();
    private boolean open = true;
    private final Subscription cut = new Subscription("news", id(10), text -> open && sent.add(text));

    @Test
    void liveMessagesWaitForTheReplayAndOnlyThoseItDidNotCoverFollowIt() {
        cut.offer(id(12), "12");
        cut.offer(id(13), "13");
        cut.replay(id(11), "11");
        cut.replay(id(12), "12");
        cut.offer(id(14), "14");
        assertEquals(List.of("11", "12"), sent, "held during the replay");
        assertEquals(id(14), cut.goLive());
        cut.offer(id(15), "15");
        assertEquals(List.of("11", "12", "13", "14", "15"), sent);
    }

    @Test
    void nothingAtOrBeforeTheCursorIsSentAgain() {
        cut.goLive();
        cut.offer(id(9), "9");
        cut.offer(id(10), "10");
        cut.offer(id(11), "11");
        cut.offer(id(11), "11 again");
        assertEquals(List.of("11"), sent);
    }

    @Test
    void aClosedSocketEndsTheSubscription() {
        cut.goLive();
        open = false;
        assertFalse(cut.offer(id(11), "11"));
        open = true;
        assertFalse(cut.offer(id(12), "12"));
        assertTrue(sent.isEmpty());
    }

    private static StreamEntryID id(long ms) {
        return new StreamEntryID(ms, 0);
    }
}
