package io.txrx.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PendingCallsTest {
    private final PendingCalls cut = new PendingCalls();

    @Test
    void aSecondReplyToTheSameCallFindsNothing() {
        String id = cut.add("s1", null, 0, "1", "system.echo");
        assertNotNull(cut.take(id));
        assertNull(cut.take(id));
    }

    @Test
    void callIdsAreUnique() {
        assertNotEquals(cut.add("s1", null, 0, "1", "system.echo"), cut.add("s1", null, 0, "1", "system.echo"));
    }

    @Test
    void oldCallsExpireAndClosedSocketsAreForgotten() {
        cut.add("s1", null, 0, "1", "system.echo");
        String second = cut.add("s2", null, 900, "2", "system.echo");
        assertEquals(1, cut.expire(1001, 1000).size());
        cut.forget("s2");
        assertNull(cut.take(second), "forgotten");
        assertTrue(cut.expire(Long.MAX_VALUE, 0).isEmpty(), "nothing left pending");
    }

    @Test
    void callsSentBeforeACutoffAreTakenAndLaterOnesStay() {
        String early = cut.add("s1", null, 100, "1", "system.echo");
        String late = cut.add("s1", null, 200, "2", "system.echo");

        assertEquals(1, cut.takeSentBefore(200).size());
        assertNull(cut.take(early));
        assertNotNull(cut.take(late));
    }

    @Test
    void aBatchIsSentOnceComplete() {
        BatchReply batch = new BatchReply(2);
        assertNull(batch.add("{\"id\":1}"));
        assertEquals("[{\"id\":1},{\"id\":2}]", batch.add("{\"id\":2}"));
    }

    @Test
    void frameSizeCountsUtf8Bytes() {
        assertFalse(FrameSize.exceeds("abc", 3));
        assertTrue(FrameSize.exceeds("abcd", 3));
        assertTrue(FrameSize.exceeds("éé", 3));
        assertFalse(FrameSize.exceeds("é", 2));
        assertTrue(FrameSize.exceeds("😀", 3));
    }
}
