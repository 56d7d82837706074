package io.txrx.gateway.channel.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;

class RetainedRangeTest {
    private static final StreamEntryID ZERO = new StreamEntryID(0, 0);

    @Test
    void nothingIsMissingFromAnOffsetAtOrAfterTheOldestRetained() {
        RetainedRange trimmed = new RetainedRange(true, id(100), id(200), true);
        assertFalse(trimmed.truncatedAfter(id(100)));
        assertFalse(trimmed.truncatedAfter(id(150)));
        assertFalse(trimmed.truncatedAfter(id(200)));
    }

    @Test
    void anOffsetOlderThanTheOldestRetainedIsTruncatedOnceSomethingWasTrimmed() {
        assertTrue(new RetainedRange(true, id(100), id(200), true).truncatedAfter(id(50)));
        assertTrue(new RetainedRange(true, id(100), id(200), true).truncatedAfter(ZERO));
        assertFalse(new RetainedRange(true, id(100), id(200), false).truncatedAfter(ZERO), "nothing ever trimmed");
        assertFalse(new RetainedRange(true, id(100), id(200), false).truncatedAfter(id(50)));
    }

    @Test
    void withoutEntriesAddedOlderRedisIsReadConservatively() {
        RetainedRange unknown = new RetainedRange(true, id(100), id(200), null);
        assertTrue(unknown.truncatedAfter(id(50)), "an offset below the oldest was itself trimmed");
        assertFalse(unknown.truncatedAfter(ZERO), "0 asks for what is retained, and nothing proves a loss");
    }

    @Test
    void aStreamTrimmedEmptyLostEverythingUpToItsLastId() {
        RetainedRange empty = new RetainedRange(true, null, id(200), true);
        assertTrue(empty.truncatedAfter(id(150)));
        assertFalse(empty.truncatedAfter(id(200)));
        assertFalse(new RetainedRange(true, null, ZERO, false).truncatedAfter(ZERO), "created empty, never written");
    }

    @Test
    void aMissingStreamLostWhateverFollowedAConcreteOffset() {
        assertTrue(RetainedRange.NONE.truncatedAfter(id(150)));
        assertFalse(RetainedRange.NONE.truncatedAfter(ZERO));
    }

    private static StreamEntryID id(long ms) {
        return new StreamEntryID(ms, 0);
    }
}
