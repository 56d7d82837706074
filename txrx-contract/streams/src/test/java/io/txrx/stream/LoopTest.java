package io.txrx.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** How every loop runs: rounds until stopped, on past a failed round, draining what it took on, woken to stop. */
class LoopTest {
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void shutDown() {
        threads.shutdownNow();
    }

    @Test
    void itRunsRoundsUntilStoppedAndHasEndedWhenStopReturns() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch some = new CountDownLatch(3);
        Loop cut = new Loop("counting", () -> {
            rounds.incrementAndGet();
            some.countDown();
        });

        cut.start(threads);
        assertTrue(some.await(5, TimeUnit.SECONDS));
        cut.stop();

        assertEquals(false, cut.running());
        threads.shutdown();
        assertTrue(threads.awaitTermination(1, TimeUnit.SECONDS), "the loop had ended when stop returned");
    }

    @Test
    void aFailedRoundIsFollowedByMoreRounds() throws Exception {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch recovered = new CountDownLatch(1);
        Loop cut = new Loop("failing once", () -> {
            if (rounds.incrementAndGet() == 1) {
                throw new IllegalStateException("Redis went away");
            }
            recovered.countDown();
        });

        cut.start(threads);

        assertTrue(recovered.await(5, TimeUnit.SECONDS), "the loop went on after the failure");
        cut.stop();
    }

    @Test
    void aDrainingLoopFinishesWhatItTookOnAfterItIsStopped() {
        BlockingQueue<Integer> work = new LinkedBlockingQueue<>();
        AtomicInteger done = new AtomicInteger();
        Loop cut = new Loop(
                "draining",
                () -> {
                    Integer item = work.poll(50, TimeUnit.MILLISECONDS);
                    if (item != null) {
                        done.incrementAndGet();
                    }
                },
                () -> !work.isEmpty());
        for (int i = 0; i < 100; i++) {
            work.add(i);
        }

        cut.start(threads);
        cut.stop();

        assertEquals(100, done.get());
    }

    @Test
    void stopWakesARoundThatIsBlockedSoTheLoopEndsEarly() throws Exception {
        CountDownLatch blocked = new CountDownLatch(1);
        CountDownLatch wake = new CountDownLatch(1);
        Loop cut = new Loop("blocked", () -> {
            blocked.countDown();
            wake.await(60, TimeUnit.SECONDS);
        });
        cut.start(threads);
        assertTrue(blocked.await(5, TimeUnit.SECONDS));

        long started = System.nanoTime();
        cut.stop(wake::countDown);

        assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 5, "ended by the wake, not the bound");
    }

    @Test
    void stoppingSeveralStuckLoopsTakesOneBoundNotOneEach() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch stuck = new CountDownLatch(2);
        Loop.Round hang = () -> {
            stuck.countDown();
            never.await(); // a handler that does not end; cancelling interrupts it
        };
        List<Loop> loops = List.of(new Loop("stuck 1", hang).start(threads), new Loop("stuck 2", hang).start(threads));
        assertTrue(stuck.await(5, TimeUnit.SECONDS));

        long start = System.nanoTime();
        Loop.stopAll(loops);
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(tookMs < 8_000, "stopping two stuck loops took " + tookMs + " ms (the bound is 5 s for all)");
    }

    @Test
    void aShorterBoundInterruptsStuckLoopsSooner() throws Exception {
        CountDownLatch never = new CountDownLatch(1);
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch interrupted = new CountDownLatch(1);
        Loop cut = new Loop("stuck", () -> {
            stuck.countDown();
            try {
                never.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
            }
        });
        cut.start(threads);
        assertTrue(stuck.await(5, TimeUnit.SECONDS));

        long start = System.nanoTime();
        Loop.stopAll(List.of(cut), Duration.ofMillis(300));
        long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertTrue(interrupted.await(2, TimeUnit.SECONDS), "the stuck round was interrupted");
        assertTrue(tookMs < 2_000, "stopping within a 300 ms bound took " + tookMs + " ms");
    }
}
