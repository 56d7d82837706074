package io.txrx.presence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PresenceRulesTest {
    private static final long TTL = 10_000;

    @Test
    void aGatewayThatStopsBeatingIsGoneWellWithinTheBound() {
        long lastBeat = 1_000_000;
        long deadline = PresenceRules.deadlineMs(lastBeat, TTL);
        assertTrue(PresenceRules.alive((double) deadline, lastBeat + 2 * PresenceRules.beatIntervalMs(TTL)));
        assertFalse(PresenceRules.alive((double) deadline, deadline + 1));
        long seenByAWatcher = deadline + 1 + PresenceRules.beatIntervalMs(TTL);
        assertTrue(seenByAWatcher - lastBeat < TTL, "offline within the bound: " + (seenByAWatcher - lastBeat));
    }

    @Test
    void aGatewayThatMissesOneBeatStaysAlive() {
        long lastBeat = 5_000;
        double deadline = PresenceRules.deadlineMs(lastBeat, TTL);
        assertTrue(PresenceRules.alive(deadline, lastBeat + PresenceRules.beatIntervalMs(TTL) * 2 + 1));
    }

    @Test
    void anUnlistedGatewayIsNotAlive() {
        assertFalse(PresenceRules.alive(null, 0));
    }

    @Test
    void theBeatIsAFifthOfTheBound() {
        assertEquals(2000, PresenceRules.beatIntervalMs(TTL));
        assertEquals(50, PresenceRules.beatIntervalMs(100), "never a busy loop");
    }
}
