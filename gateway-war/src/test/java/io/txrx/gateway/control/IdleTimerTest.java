package io.txrx.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IdleTimerTest {
    private final ScheduledExecutorService container = Executors.newSingleThreadScheduledExecutor();
    private final AtomicInteger scheduled = new AtomicInteger();

    /** Shaped like Tyrus's session: the container's scheduler in a field named service, the idle task. */
    private final class ContainerSession {
        private ScheduledExecutorService service = new CountingScheduler();
        volatile long maxIdleTimeout;

        void frame(Runnable task) {
            service.schedule(task, maxIdleTimeout, TimeUnit.MILLISECONDS);
        }

        final class IdleTimeoutCommand implements Runnable {
            @Override
            public void run() {}
        }
    }

    private final class CountingScheduler extends java.util.concurrent.ScheduledThreadPoolExecutor {
        CountingScheduler() {
            super(1);
        }

        @Override
        public java.util.concurrent.ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            scheduled.incrementAndGet();
            return container.schedule(command, delay, unit);
        }
    }

    @AfterEach
    void stop() {
        container.shutdownNow();
    }

    @Test
    void withoutAnIdleTimeoutTheIdleTaskOfEveryFrameIsNotScheduled() {
        ContainerSession cut = new ContainerSession();
        assertTrue(IdleTimer.skipWithoutTimeout(cut, () -> cut.maxIdleTimeout));

        for (int i = 0; i < 100; i++) {
            cut.frame(cut.new IdleTimeoutCommand());
        }

        assertEquals(0, scheduled.get());
    }

    @Test
    void otherTasksAndAnIdleTimeoutSetLaterStillReachTheContainer() throws Exception {
        ContainerSession cut = new ContainerSession();
        IdleTimer.skipWithoutTimeout(cut, () -> cut.maxIdleTimeout);
        AtomicInteger ran = new AtomicInteger();

        cut.frame(ran::incrementAndGet);
        cut.maxIdleTimeout = 60_000;
        cut.frame(cut.new IdleTimeoutCommand());

        assertEquals(2, scheduled.get());
        container.submit(() -> {}).get(5, TimeUnit.SECONDS);
        assertEquals(1, ran.get(), "the other task ran");
    }

    @Test
    void aSessionAlreadyChangedIsLeftAsItIs() {
        ContainerSession cut = new ContainerSession();
        IdleTimer.skipWithoutTimeout(cut, () -> cut.maxIdleTimeout);
        Object first = cut.service;

        assertTrue(IdleTimer.skipWithoutTimeout(cut, () -> cut.maxIdleTimeout));

        assertTrue(first == cut.service);
    }
}
