package io.txrx.gateway.control;

/**
 * The thread context class loader around the WebSocket container's per-frame work. Tyrus schedules an
 * idle-timeout task on the container's managed scheduler for every frame in and out (even with no idle
 * timeout), and Payara's context capture for that task searches the thread's context class loader (the web
 * module's, which sees every module of the server) for ThreadContextProvider services: that search cost more
 * than the rest of a call. The container's own frame handling needs no services, so it runs with an empty
 * loader; txrx's code, called back from it, runs with the application's loader again.
 */
public final class ContextLoader {
    private static final ClassLoader NO_SERVICES = new ClassLoader(null) {};
    private static final ClassLoader APPLICATION = ContextLoader.class.getClassLoader();

    /** Work of the container that schedules per-frame tasks: reading frames, queueing a send. */
    @FunctionalInterface
    public interface ContainerWork<E extends Exception> {
        void run() throws E;
    }

    private ContextLoader() {}

    /** Runs {@code work} with a context loader in which no service can be found, then restores the thread's. */
    public static <E extends Exception> void withoutServices(ContainerWork<E> work) throws E {
        with(NO_SERVICES, work);
    }

    /** Runs {@code work} with the application's own loader, then restores the thread's. */
    public static <E extends Exception> void inApplication(ContainerWork<E> work) throws E {
        with(APPLICATION, work);
    }

    private static <E extends Exception> void with(ClassLoader loader, ContainerWork<E> work) throws E {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        if (previous == loader) {
            work.run();
            return;
        }
        thread.setContextClassLoader(loader);
        try {
            work.run();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }
}
