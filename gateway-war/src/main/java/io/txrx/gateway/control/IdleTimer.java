package io.txrx.gateway.control;

import jakarta.websocket.Session;
import java.lang.reflect.Field;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tyrus (Payara's WebSocket container) restarts a session's idle timer on every frame in and out by
 * scheduling a task on the container's managed scheduler, even when the session has no idle timeout, where
 * the task does nothing; creating that managed task (it captures the container context) was about 15% of the
 * gateway's CPU under load. For a session without an idle timeout (txrx sets none), this hands Tyrus a
 * scheduler that answers that one task with a future already done, and passes everything else (heartbeats,
 * a timeout set later) to the container's scheduler. If the container is not the Tyrus this was written for,
 * the session is left as it is and this says so once.
 */
public final class IdleTimer {
    private static final Logger LOG = Logger.getLogger(IdleTimer.class.getName());
    private static final String IDLE_TASK = "$IdleTimeoutCommand";
    private static volatile boolean unsupported;

    private IdleTimer() {}

    /** Stops the per-frame idle-timer task of {@code session}; answers whether it could. */
    public static boolean skipWithoutTimeout(Session session) {
        return skipWithoutTimeout(session, session::getMaxIdleTimeout);
    }

    /** As above, for the container's session object and how to read its idle timeout. */
    static boolean skipWithoutTimeout(Object session, LongSupplier maxIdleTimeout) {
        if (unsupported) {
            return false;
        }
        try {
            Field field = session.getClass().getDeclaredField("service");
            field.setAccessible(true);
            Object scheduler = field.get(session);
            if (scheduler instanceof Skipping) {
                return true;
            }
            if (!(scheduler instanceof ScheduledExecutorService container)) {
                throw new NoSuchFieldException("service is a " + scheduler);
            }
            field.set(session, new Skipping(container, maxIdleTimeout));
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            unsupported = true;
            LOG.log(Level.INFO, "The WebSocket container''s idle timer stays as it is ({0}): {1}", new Object[] {
                session.getClass().getName(), e.toString()
            });
            return false;
        }
    }

    /** The container's scheduler, without the idle-timer task of a session that has no idle timeout. */
    static final class Skipping implements ScheduledExecutorService {
        private final ScheduledExecutorService container;
        private final LongSupplier maxIdleTimeout;

        Skipping(ScheduledExecutorService container, LongSupplier maxIdleTimeout) {
            this.container = container;
            this.maxIdleTimeout = maxIdleTimeout;
        }

        @Override
        public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
            if (maxIdleTimeout.getAsLong() <= 0 && command.getClass().getName().endsWith(IDLE_TASK)) {
                return Done.INSTANCE;
            }
            return container.schedule(command, delay, unit);
        }

        @Override
        public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
            return container.schedule(callable, delay, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
            return container.scheduleAtFixedRate(command, initialDelay, period, unit);
        }

        @Override
        public ScheduledFuture<?> scheduleWithFixedDelay(
                Runnable command, long initialDelay, long delay, TimeUnit unit) {
            return container.scheduleWithFixedDelay(command, initialDelay, delay, unit);
        }

        @Override
        public void shutdown() {
            container.shutdown();
        }

        @Override
        public List<Runnable> shutdownNow() {
            return container.shutdownNow();
        }

        @Override
        public boolean isShutdown() {
            return container.isShutdown();
        }

        @Override
        public boolean isTerminated() {
            return container.isTerminated();
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
            return container.awaitTermination(timeout, unit);
        }

        @Override
        public <T> Future<T> submit(Callable<T> task) {
            return container.submit(task);
        }

        @Override
        public <T> Future<T> submit(Runnable task, T result) {
            return container.submit(task, result);
        }

        @Override
        public Future<?> submit(Runnable task) {
            return container.submit(task);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks) throws InterruptedException {
            return container.invokeAll(tasks);
        }

        @Override
        public <T> List<Future<T>> invokeAll(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException {
            return container.invokeAll(tasks, timeout, unit);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks)
                throws InterruptedException, ExecutionException {
            return container.invokeAny(tasks);
        }

        @Override
        public <T> T invokeAny(Collection<? extends Callable<T>> tasks, long timeout, TimeUnit unit)
                throws InterruptedException, ExecutionException, TimeoutException {
            return container.invokeAny(tasks, timeout, unit);
        }

        @Override
        public void execute(Runnable command) {
            container.execute(command);
        }
    }

    /** The idle task that was not scheduled: done, nothing to cancel. */
    private static final class Done implements ScheduledFuture<Object> {
        static final Done INSTANCE = new Done();

        @Override
        public long getDelay(TimeUnit unit) {
            return 0;
        }

        @Override
        public int compareTo(Delayed other) {
            return Long.compare(0, other.getDelay(TimeUnit.NANOSECONDS));
        }

        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return false;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public boolean isDone() {
            return true;
        }

        @Override
        public Object get() {
            return null;
        }

        @Override
        public Object get(long timeout, TimeUnit unit) {
            return null;
        }
    }
}
