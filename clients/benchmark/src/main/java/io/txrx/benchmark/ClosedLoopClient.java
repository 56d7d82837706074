package io.txrx.benchmark;

import java.time.Duration;
import java.util.concurrent.Callable;

/**
 * One client's loop: send a call, wait for its reply (or the timeout), send the next. Ends when
 * the measured window is over, the shared call budget is spent, or the connection is lost.
 */
final class ClosedLoopClient implements Callable<CallTally> {

    private final EchoConnection connection;
    private final RunWindow window;
    private final CallBudget budget;
    private final Duration timeout;

    ClosedLoopClient(EchoConnection connection, RunWindow window, CallBudget budget, Duration timeout) {
        this.connection = connection;
        this.window = window;
        this.budget = budget;
        this.timeout = timeout;
    }

    @Override
    public CallTally call() throws InterruptedException {
        CallTally tally = new CallTally();
        while (!connection.isClosed()) {
            long startedNanos = System.nanoTime();
            if (window.isOver(startedNanos) || !budget.tryTake()) {
                break;
            }
            CallOutcome outcome = connection.call(timeout);
            boolean lost = outcome.status() == CallOutcome.Status.CLOSED;
            if (lost || window.isMeasured(startedNanos)) {
                tally.record(outcome, System.nanoTime());
            }
        }
        return tally;
    }
}
