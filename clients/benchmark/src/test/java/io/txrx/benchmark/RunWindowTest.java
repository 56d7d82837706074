package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunWindowTest {

    @Test
    void measuresOnlyCallsStartedAfterTheWarmUpAndBeforeTheEnd() {
        RunWindow window = RunWindow.startingAt(1_000, 2, 3);

        assertFalse(window.isMeasured(1_000));
        assertTrue(window.isMeasured(1_000 + 2_000_000_000L));
        assertTrue(window.isMeasured(1_000 + 4_999_999_999L));
        assertFalse(window.isMeasured(1_000 + 5_000_000_000L));
        assertFalse(window.isOver(1_000 + 4_999_999_999L));
        assertTrue(window.isOver(1_000 + 5_000_000_000L));
    }
}
