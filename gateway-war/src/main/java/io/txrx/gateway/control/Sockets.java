package io.txrx.gateway.control;

import jakarta.websocket.Session;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sending to a client socket without blocking the sender and without failing it when the socket is gone. */
public final class Sockets {
    private static final Logger LOG = Logger.getLogger(Sockets.class.getName());

    /**
     * Every Tyrus send schedules an idle-timeout task on the container's managed scheduler, whose context
     * capture searches the thread's context class loader (the whole server's modules, through the web
     * module's loader) for ThreadContextProvider services; that search cost more than the rest of a call.
     * The sending thread's own context is not needed by a text send, so it runs with this empty loader.
     */
    private static final ClassLoader NO_SERVICES = new ClassLoader(null) {};

    private Sockets() {}

    /**
     * Queues a text frame and answers whether it was queued; a closed or failing socket is skipped (its
     * close is handled where it closes).
     */
    public static boolean send(Session session, String text) {
        if (session == null || !session.isOpen()) {
            return false;
        }
        Thread thread = Thread.currentThread();
        ClassLoader contextLoader = thread.getContextClassLoader();
        thread.setContextClassLoader(NO_SERVICES);
        try {
            session.getAsyncRemote().sendText(text);
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Sending to socket {0} failed: {1}", new Object[] {session.getId(), e.toString()});
            return false;
        } finally {
            thread.setContextClassLoader(contextLoader);
        }
    }
}
