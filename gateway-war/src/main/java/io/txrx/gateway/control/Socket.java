package io.txrx.gateway.control;

import io.txrx.gateway.channel.control.Subscription;
import io.txrx.identity.Caller;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One client socket as the gateway knows it: its session, what frame admission counts for it, what it has
 * not yet written to its client, the caller an rpc instance bound to it, and its channel subscriptions.
 */
public final class Socket {
    private static final Logger LOG = Logger.getLogger(Socket.class.getName());

    /** The caller bound to a socket, and its JSON as the rpc instance sent it (stamped on calls as is). */
    private record Binding(Caller caller, String json) {}

    private final Session session;
    private final RateLimit rate;
    private final SendQueue queue;
    private final AtomicBoolean overflowed = new AtomicBoolean();
    private final AtomicInteger invalidFrames = new AtomicInteger();
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>();
    private volatile Binding binding;

    private final GatewayMeter meter;

    public Socket(Session session, RateLimit rate, SendQueue queue) {
        this(session, rate, queue, GatewayMeter.unexported());
    }

    /** {@code meter} counts the frames sent and a close for a slow client. */
    public Socket(Session session, RateLimit rate, SendQueue queue, GatewayMeter meter) {
        this.meter = meter;
        this.session = session;
        this.rate = rate;
        this.queue = queue;
    }

    public String id() {
        return session.getId();
    }

    public Session session() {
        return session;
    }

    public boolean isOpen() {
        return session.isOpen();
    }

    /**
     * Queues a text frame (see {@link Sockets#send}) and answers whether it was queued. Never blocks: a frame
     * that would pass the send queue's bound is not sent, and the socket is closed with 1008 (policy
     * violation), since its client reads slower than the gateway writes to it.
     */
    public boolean send(String text) {
        int size = text.length();
        if (!queue.admit(size)) {
            overflow();
            return false;
        }
        boolean queued = Sockets.send(session, text, written -> queue.done(size));
        if (queued) {
            meter.frameOut();
        } else {
            queue.done(size);
        }
        return queued;
    }

    /** What this socket has handed to the container and not yet written. */
    public SendQueue queue() {
        return queue;
    }

    private void overflow() {
        if (overflowed.compareAndSet(false, true)) {
            meter.refused(GatewayMeter.Refusal.TOO_SLOW);
            LOG.log(
                    Level.INFO,
                    "Closing socket {0}: its client reads too slowly ({1} frames, {2} bytes unsent)",
                    new Object[] {id(), queue.frames(), queue.bytes()});
            Sockets.close(session, CloseCodes.VIOLATED_POLICY, "Client too slow: more than " + queue + " unsent");
        }
    }

    public RateLimit rate() {
        return rate;
    }

    /** Invalid frames in a row: reset by a frame with a valid call. */
    public AtomicInteger invalidFrames() {
        return invalidFrames;
    }

    /** This socket's subscriptions by channel. */
    public Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    /** The signed-in caller, or {@code null}. */
    public Caller caller() {
        Binding bound = binding;
        return bound == null ? null : bound.caller();
    }

    /** The signed-in caller's JSON, or {@code null}. */
    public String callerJson() {
        Binding bound = binding;
        return bound == null ? null : bound.json();
    }

    /** Binds the caller given as JSON; throws {@link IllegalArgumentException} when it is malformed. */
    public synchronized void bind(String callerJson) {
        binding = new Binding(Caller.fromJson(callerJson), callerJson);
    }

    public synchronized void unbind() {
        binding = null;
    }

    /** Unbinds the caller if it passes {@code test}, at once with the check; answers whether it did. */
    public synchronized boolean unbindIf(Predicate<Caller> test) {
        Binding bound = binding;
        if (bound == null || !test.test(bound.caller())) {
            return false;
        }
        binding = null;
        return true;
    }
}
