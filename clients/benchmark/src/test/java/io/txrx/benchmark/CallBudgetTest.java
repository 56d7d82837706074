package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CallBudgetTest {

    @Test
    void handsOutExactlyTheBudgetedCallsAndThenStaysSpent() {
        CallBudget cut = new CallBudget(3);

        assertTrue(cut.tryTake());
        assertTrue(cut.tryTake());
        assertTrue(cut.tryTake());
        assertFalse(cut.tryTake());
        assertFalse(cut.tryTake());
    }
}
