package io.txrx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SubscriptionsTest {

    private final Subscriptions cut = new Subscriptions();

    @Test
    void aSubscriptionResumesAfterTheLastDeliveredOffset() {
        var news = cut.add("news", null);
        assertEquals("$", cut.from(news));
        assertTrue(cut.accept("news", "5-0"));
        assertEquals("5-0", cut.from(news));
        assertFalse(cut.accept("news", "5-0"));
        assertFalse(cut.accept("sport", "1-0"), "not subscribed");
    }

    @Test
    void withoutMessagesItResumesAfterWhereTheServerSaidItStarted() {
        var news = cut.add("news", "$");
        cut.started(
                news,
                PendingCallsTest.json("{\"channel\":\"news\",\"offset\":\"1718000000000-0\",\"truncated\":false}"));
        assertEquals("1718000000000-0", cut.from(news));
    }

    @Test
    void theStartIsReadFromTheSubscribeResult() {
        assertEquals("7-1", Subscriptions.startsAfter(PendingCallsTest.json("{\"after\":\"7-1\"}")));
        assertEquals("7-2", Subscriptions.startsAfter(PendingCallsTest.json("{\"offset\":\"7-2\"}")));
        assertNull(Subscriptions.startsAfter(PendingCallsTest.json("{\"offset\":\"$\"}")));
        assertNull(Subscriptions.startsAfter(jakarta.json.JsonValue.TRUE));
        assertTrue(Subscriptions.truncated(PendingCallsTest.json("{\"truncated\":true}")));
        assertFalse(Subscriptions.truncated(PendingCallsTest.json("{\"truncated\":false}")));
    }

    @Test
    void subscribingTwiceKeepsOneSubscriptionAndItsStart() {
        var first = cut.add("news", "0");
        assertEquals(first, cut.add("news", "$"));
        assertEquals("0", cut.from(first));
    }

    @Test
    void removingForgetsTheOffset() {
        var news = cut.add("news", null);
        cut.accept("news", "9-0");
        cut.remove("news");
        assertFalse(cut.isCurrent(news));
        assertTrue(cut.add("news", null) != news);
        assertNull(cut.lastOffset("news"));
    }

    @Test
    void badOffsetsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Subscriptions.checkOffset("yesterday"));
        Subscriptions.checkOffset("$");
        Subscriptions.checkOffset("0");
        Subscriptions.checkOffset(null);
    }
}
