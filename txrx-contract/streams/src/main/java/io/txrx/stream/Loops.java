package io.txrx.stream;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** What every long-running stream loop does the same way: back off after a failure, and end within a bound. */
public final class Loops {
    private static final Logger LOG = Logger.getLogger(Loops.class.getName());
    private static final Duration AFTER_FAILURE = Duration.ofMillis(500);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(5);

    private Loops() {}

    /**
     * Waits a little after a failed round, so an outage of Redis is not a busy loop; answers {@code false}
     * when the thread was interrupted, and the loop should end.
     */
    public static boolean pauseAfterFailure() {
        try {
            Thread.sleep(AFTER_FAILURE.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Waits for a loop told to stop to end, and cancels it if it has not within the bound. */
    public static void join(Future<?> loop, String name) {
        if (loop == null) {
            return;
        }
        try {
            loop.get(STOP_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loop.cancel(true);
        } catch (ExecutionException | TimeoutException e) {
            LOG.log(Level.WARNING, "{0} did not stop cleanly: {1}", new Object[] {name, e.toString()});
            loop.cancel(true);
        }
    }
}
