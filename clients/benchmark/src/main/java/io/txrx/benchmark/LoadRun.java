package io.txrx.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs one closed-loop client per connection on its own thread through warm-up and the
 * measured window, then adds up their tallies.
 */
final class LoadRun {

    private static final Logger LOG = Logger.getLogger(LoadRun.class.getName());

    /** What the clients did in the measured window and how long it lasted. */
    record Result(CallTally totals, double measuredSeconds) {

        double callsPerSecond() {
            return measuredSeconds > 0 ? totals.ok() / measuredSeconds : 0;
        }
    }

    /** Something done once as the measured window starts, on its own thread, such as a scrape of the servers. */
    interface WindowStart {
        void run() throws InterruptedException;
    }

    private LoadRun() {}

    static Result run(List<EchoConnection> connections, BenchmarkOptions options) throws InterruptedException {
        return run(connections, options, () -> {});
    }

    /**
     * Runs the clients; {@code atWindowStart} runs as the measured window starts, and is waited for (within
     * the run's time bound) before this returns. It does not run when the calls end before the window.
     */
    static Result run(List<EchoConnection> connections, BenchmarkOptions options, WindowStart atWindowStart)
            throws InterruptedException {
        RunWindow window = RunWindow.startingAt(System.nanoTime(), options.warmupSeconds(), options.seconds());
        Thread starter = atWindowStart(window, atWindowStart);
        CallBudget budget = new CallBudget(options.maxCalls());
        Duration timeout = Duration.ofSeconds(options.timeoutSeconds());
        List<ClosedLoopClient> clients = new ArrayList<>();
        for (EchoConnection connection : connections) {
            clients.add(new ClosedLoopClient(connection, window, budget, timeout));
        }
        ExecutorService threads = Executors.newFixedThreadPool(clients.size(), namedDaemonThreads());
        try {
            long bound = options.warmupSeconds() + options.seconds() + 2L * options.timeoutSeconds() + 5;
            CallTally totals = new CallTally();
            for (Future<CallTally> client : threads.invokeAll(clients, bound, TimeUnit.SECONDS)) {
                addFinished(client, totals);
            }
            if (System.nanoTime() < window.measureFromNanos()) {
                starter.interrupt();
            }
            starter.join(TimeUnit.SECONDS.toMillis(bound));
            return new Result(totals, measuredSeconds(window, totals));
        } finally {
            threads.shutdownNow();
            starter.interrupt();
        }
    }

    private static Thread atWindowStart(RunWindow window, WindowStart task) {
        Thread starter = new Thread(
                () -> {
                    try {
                        TimeUnit.NANOSECONDS.sleep(window.measureFromNanos() - System.nanoTime());
                        task.run();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "window-start");
        starter.setDaemon(true);
        starter.start();
        return starter;
    }

    private static void addFinished(Future<CallTally> client, CallTally totals) throws InterruptedException {
        try {
            totals.add(client.get());
        } catch (CancellationException e) {
            LOG.warning("A client loop overran the run's time bound and was stopped; its calls are not counted");
        } catch (ExecutionException e) {
            LOG.log(Level.WARNING, "A client loop failed; its calls are not counted", e.getCause());
        }
    }

    /**
     * From the start of the measured window to the end of the last measured call: calls started
     * inside the window are counted whole, so the time they took past its end counts too.
     */
    private static double measuredSeconds(RunWindow window, CallTally totals) {
        if (totals.lastAnsweredNanos() <= window.measureFromNanos()) {
            return 0;
        }
        return (totals.lastAnsweredNanos() - window.measureFromNanos()) / 1e9;
    }

    private static ThreadFactory namedDaemonThreads() {
        AtomicInteger next = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "echo-client-" + next.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }
}
