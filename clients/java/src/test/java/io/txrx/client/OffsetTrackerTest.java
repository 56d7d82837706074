package io.txrx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OffsetTrackerTest {

    @Test
    void offsetsOrderByMillisecondsThenSequenceAsUnsignedNumbers() {
        assertTrue(StreamOffset.parse("1718000000000-0").compareTo(StreamOffset.parse("1718000000001-0")) < 0);
        assertTrue(StreamOffset.parse("1718000000000-10").compareTo(StreamOffset.parse("1718000000000-9")) > 0);
        assertTrue(StreamOffset.parse("1-18446744073709551615").compareTo(StreamOffset.parse("1-9223372036854775807"))
                > 0);
        assertEquals(StreamOffset.parse("5"), StreamOffset.parse("5-0"));
        assertEquals(
                "1-18446744073709551615",
                StreamOffset.parse("1-18446744073709551615").toString());
    }

    @Test
    void onlyStreamIdsAreOffsets() {
        for (String bad : new String[] {"$", "", "-1", "1-", "abc", "1-2-3", null}) {
            assertFalse(StreamOffset.isValid(bad), bad);
        }
        assertThrows(IllegalArgumentException.class, () -> StreamOffset.parse("$"));
    }

    @Test
    void eachOffsetIsAcceptedOnceInIncreasingOrder() {
        OffsetTracker tracker = new OffsetTracker();
        List<String> arrived = List.of("1-0", "2-0", "2-0", "1-0", "3-0", "2-5", "3-1");
        List<String> delivered = arrived.stream()
                .filter(offset -> tracker.accept("news", offset))
                .toList();
        assertEquals(List.of("1-0", "2-0", "3-0", "3-1"), delivered);
        assertEquals("3-1", tracker.get("news"));
        assertTrue(tracker.accept("other", "1-0"), "channels are tracked apart");
    }

    @Test
    void advanceMovesForwardOnlyAndForgetStartsOver() {
        OffsetTracker tracker = new OffsetTracker();
        tracker.advance("news", "10-0");
        tracker.advance("news", "5-0");
        tracker.advance("news", "$");
        assertEquals("10-0", tracker.get("news"));
        assertFalse(tracker.accept("news", "10-0"));
        tracker.forget("news");
        assertTrue(tracker.accept("news", "1-0"));
    }
}
