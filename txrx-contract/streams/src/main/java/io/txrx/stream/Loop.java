package io.txrx.stream;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One long-running loop, the one way every role runs one: {@link #start} submits it to a managed executor,
 * where it runs its round over and over; a round that throws is followed by a pause, so an outage of Redis
 * is not a busy loop, and is logged as an {@link Outage} (one warning when failures begin, one line when a
 * round works again); {@link #stop} ends it and waits for it within a bound, then cancels it.
 * <p>
 * A loop holds its thread for its whole life, so it runs on an executor declared for loops
 * ({@code @ManagedExecutorDefinition(name = ..., maxAsync = -1, hungTaskThreshold = -1)} on the bean that
 * starts it): every loop gets a thread at once and none is ever reported hung, whatever the server's default
 * pool allows.
 */
public final class Loop {
    private static final Logger LOG = Logger.getLogger(Loop.class.getName());
    private static final Duration AFTER_FAILURE = Duration.ofMillis(500);
    private static final Duration STOP_WITHIN = Duration.ofSeconds(5);
    private static final long STOP_POLL_MS = 50;

    /** One pass of a loop; interrupted, the loop ends. */
    @FunctionalInterface
    public interface Round {
        void run() throws InterruptedException;
    }

    private final String name;
    private final Round round;
    private final BooleanSupplier unfinished;
    private final Outage outage;
    private volatile boolean running;
    private Future<?> future;

    /** A loop that ends after the round at hand once stopped. */
    public Loop(String name, Round round) {
        this(name, round, () -> false);
    }

    /** A loop that, once stopped, goes on while {@code unfinished} (work it has taken on, such as a queue). */
    public Loop(String name, Round round, BooleanSupplier unfinished) {
        this.name = name;
        this.round = round;
        this.unfinished = unfinished;
        this.outage = new Outage(name);
    }

    public Loop start(ExecutorService executor) {
        running = true;
        future = executor.submit(this::run);
        return this;
    }

    /** Whether the loop has not been told to stop: rounds that go on for long check it. */
    public boolean running() {
        return running;
    }

    /** Whether the last round failed: the loop is in an outage (of Redis, most likely). */
    public boolean failing() {
        return outage.ongoing();
    }

    /** When the outage at hand began (epoch ms), or 0 when the last round worked. */
    public long failingSinceMs() {
        return outage.sinceMs();
    }

    /** Tells the loop to stop and waits for it to end within the bound. */
    public void stop() {
        stop(() -> {});
    }

    /**
     * Tells the loop to stop and waits for it to end within the bound, calling {@code wake} while it waits
     * (to end a blocking read early, say); cancels the loop if it has not ended by then.
     */
    public void stop(Runnable wake) {
        stop(wake, System.nanoTime() + STOP_WITHIN.toNanos());
    }

    private void stop(Runnable wake, long deadline) {
        running = false;
        if (future == null) {
            return;
        }
        while (!future.isDone() && System.nanoTime() < deadline) {
            wake.run();
            try {
                future.get(STOP_POLL_MS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.log(Level.FINE, "{0} still stopping", name);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                LOG.log(Level.WARNING, "{0} ended with {1}", new Object[] {
                    name, e.getCause().toString()
                });
            }
        }
        if (!future.isDone()) {
            LOG.log(Level.WARNING, "{0} did not stop in time: interrupted", name);
            future.cancel(true);
        }
    }

    /**
     * Tells every loop of {@code loops} to stop, then waits for each, so they end side by side, all within
     * the one bound (not one bound each); those still running then are cancelled.
     */
    public static void stopAll(List<Loop> loops) {
        stopAll(loops, STOP_WITHIN);
    }

    /** As {@link #stopAll(List)}, within {@code bound} (shorter when waiting is pointless, say). */
    public static void stopAll(List<Loop> loops, Duration bound) {
        loops.forEach(loop -> loop.running = false);
        long deadline = System.nanoTime() + bound.toNanos();
        loops.forEach(loop -> loop.stop(() -> {}, deadline));
    }

    /**
     * Waits a little after a failure, so an outage of Redis is not a busy loop; answers {@code false} when
     * the thread was interrupted, and the caller should end.
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

    private void run() {
        while (running || unfinished.getAsBoolean()) {
            try {
                round.run();
                outage.succeeded(System.currentTimeMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                outage.failed(e, System.currentTimeMillis());
                if (!pauseAfterFailure()) {
                    return;
                }
            }
        }
    }
}
