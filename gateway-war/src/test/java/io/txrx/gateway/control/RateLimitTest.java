package io.txrx.gateway.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimitTest {

    @Test
    void aBurstIsAllowedThenTheRateRefills() {
        RateLimit cut = new RateLimit(10, 3, 0);
        assertTrue(cut.tryTake(3, 0));
        assertFalse(cut.tryTake(1, 0));
        assertFalse(cut.tryTake(1, 50));
        assertTrue(cut.tryTake(1, 100));
        assertTrue(cut.tryTake(3, 10_000), "never more than the burst is saved up");
        assertFalse(cut.tryTake(1, 10_000));
    }
}
