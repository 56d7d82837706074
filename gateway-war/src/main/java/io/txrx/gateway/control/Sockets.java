package io.txrx.gateway.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Sending to a client socket without blocking the sender and without failing it when the socket is gone. */
public final class Sockets {
    private static final Logger LOG = Logger.getLogger(Sockets.class.getName());

    private Sockets() {}

    /**
     * Queues a text frame and answers whether it was queued; a closed or failing socket is skipped (its
     * close is handled where it closes). {@code written} hears when the container has written it or given up.
     */
    public static boolean send(Session session, String text, SendHandler written) {
        if (session == null || !session.isOpen()) {
            return false;
        }
        try {
            ContextLoader.withoutServices(() -> session.getAsyncRemote().sendText(text, written));
            return true;
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "Sending to socket {0} failed: {1}", new Object[] {session.getId(), e.toString()});
            return false;
        }
    }

    /** Closes a socket with a code and reason; a socket already gone is left alone. */
    public static void close(Session session, CloseCodes code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Closing socket {0} failed: {1}", new Object[] {session.getId(), e.toString()});
        }
    }
}
