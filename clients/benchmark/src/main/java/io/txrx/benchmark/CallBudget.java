package io.txrx.benchmark;

import java.util.concurrent.atomic.AtomicLong;

/** The number of calls all clients together may still send (the {@code --max-calls} bound). */
final class CallBudget {

    private final AtomicLong remaining;

    CallBudget(long calls) {
        this.remaining = new AtomicLong(calls);
    }

    /** Takes one call from the budget; false once it is spent. */
    boolean tryTake() {
        return remaining.getAndUpdate(left -> left > 0 ? left - 1 : 0) > 0;
    }
}
