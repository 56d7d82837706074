package io.txrx.client;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The socket of a client and the calls on it: opens one gateway after another (backoff with jitter) until one
 * answers, sends what waited for a socket once one opens, fails or re-queues the calls in flight when it is
 * lost, and hands server pushes to its {@link Owner}.
 */
final class Session implements Connection.Events {

    /** What the session tells the part of the client that owns channels. */
    interface Owner {
        /** A socket opened; called with the session's lock held, before queued calls go out. */
        void opened(Connection connection);

        /** A server push (a JSON-RPC notification). */
        void push(String method, JsonValue params);
    }

    private enum State {
        CONNECTING,
        CONNECTED,
        RECONNECTING,
        CLOSED
    }

    private final TxrxClientBuilder options;
    private final Gateways gateways;
    private final Backoff backoff;
    private final HttpClient http;
    private final ScheduledExecutorService scheduler;
    private final PendingCalls pending;
    private final Listeners listeners;
    private final AtomicLong ids = new AtomicLong();
    private Owner owner;

    // guarded by this
    private final Deque<Object> outbox = new ArrayDeque<>();
    private State state = State.CONNECTING;
    private Connection connection;
    private URI gateway;
    private int connections;
    private long openedAt;
    private CompletableFuture<Void> nextConnect = new CompletableFuture<>();
    private ScheduledFuture<?> retry;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> probe;

    Session(TxrxClientBuilder options, HttpClient http, ScheduledExecutorService scheduler, Listeners listeners) {
        this.options = options;
        this.gateways = new Gateways(options.uris);
        this.backoff = new Backoff(options.backoffBase, options.backoffMax, options.random);
        this.http = http;
        this.scheduler = scheduler;
        this.pending = new PendingCalls(scheduler);
        this.listeners = listeners;
    }

    /** Starts connecting; pushes and new sockets go to {@code owner}. */
    void start(Owner owner) {
        this.owner = owner;
        open();
    }

    synchronized CompletableFuture<Void> connected() {
        return switch (state) {
            case CONNECTED -> CompletableFuture.completedFuture(null);
            case CLOSED -> CompletableFuture.failedFuture(
                    RpcError.local(RpcError.Kind.CLOSED, "connect", "client closed"));
            default -> nextConnect.thenApply(ignored -> null);
        };
    }

    synchronized boolean isConnected() {
        return state == State.CONNECTED;
    }

    synchronized boolean isClosed() {
        return state == State.CLOSED;
    }

    synchronized boolean isCurrent(Connection candidate) {
        return candidate == connection && state == State.CONNECTED;
    }

    /** The socket now open, or {@code null}. */
    synchronized Connection current() {
        return state == State.CONNECTED ? connection : null;
    }

    synchronized URI gateway() {
        return gateway;
    }

    CompletableFuture<JsonValue> call(String method, JsonValue params, CallOptions callOptions) {
        long id = ids.incrementAndGet();
        String frame = Frames.call(id, method, params);
        Duration timeout = callOptions.timeout() != null ? callOptions.timeout() : options.callTimeout;
        synchronized (this) {
            if (state == State.CLOSED) {
                return CompletableFuture.failedFuture(RpcError.local(RpcError.Kind.CLOSED, method, "client closed"));
            }
            CompletableFuture<JsonValue> reply = pending.add(id, method, frame, timeout, callOptions.retry());
            if (state == State.CONNECTED) {
                sendCall(id, connection);
            } else {
                outbox.add(id);
            }
            return reply;
        }
    }

    synchronized void notify(String method, JsonValue params) {
        String frame = Frames.notification(method, params);
        if (state == State.CLOSED) {
            throw RpcError.local(RpcError.Kind.CLOSED, method, "client closed");
        }
        if (state == State.CONNECTED) {
            connection.send(frame);
        } else {
            outbox.add(frame);
        }
    }

    /** Closes for good: the socket, the calls waiting (CLOSED), the reconnects; a disconnect event if one was open. */
    void close() {
        Connection last;
        boolean wasConnected;
        URI at;
        CompletableFuture<Void> waiting;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            wasConnected = state == State.CONNECTED;
            state = State.CLOSED;
            last = connection;
            connection = null;
            at = gateway;
            waiting = nextConnect;
            cancel(retry);
            cancel(heartbeat);
            cancel(probe);
            outbox.clear();
        }
        if (last != null) {
            last.close();
        }
        pending.failAll(RpcError.Kind.CLOSED, "client closed");
        waiting.completeExceptionally(RpcError.local(RpcError.Kind.CLOSED, "connect", "client closed"));
        if (wasConnected) {
            listeners.disconnected(at, 1000, "client closed");
        }
    }

    // ---- the socket's events ---------------------------------------------------------------------------

    @Override
    public void opened(Connection opened) {
        boolean reconnect;
        CompletableFuture<Void> waiting;
        synchronized (this) {
            if (opened != connection || state == State.CLOSED) {
                return;
            }
            state = State.CONNECTED;
            openedAt = System.nanoTime();
            reconnect = connections++ > 0;
            waiting = nextConnect;
            owner.opened(opened);
            while (!outbox.isEmpty()) {
                Object queued = outbox.poll();
                if (queued instanceof Long id) {
                    sendCall(id, opened);
                } else {
                    opened.send((String) queued);
                }
            }
            long every = options.heartbeat.toMillis();
            if (every > 0) {
                heartbeat = scheduler.scheduleAtFixedRate(() -> heartbeat(opened), every, every, TimeUnit.MILLISECONDS);
            }
            long idle = options.idleProbe.toMillis();
            if (idle > 0) {
                probe = scheduler.scheduleAtFixedRate(
                        () -> opened.probe(options.idleProbe), idle, idle, TimeUnit.MILLISECONDS);
            }
        }
        listeners.connected(opened.uri(), reconnect);
        waiting.complete(null);
    }

    @Override
    public void received(Connection from, String text) {
        synchronized (this) {
            if (from != connection) {
                return;
            }
        }
        List<JsonValue> messages;
        try {
            messages = Frames.read(text);
        } catch (JsonException e) {
            listeners.error(new IllegalStateException("unreadable frame from " + from.uri() + ": " + e.getMessage()));
            return;
        }
        for (JsonValue message : messages) {
            if (!(message instanceof JsonObject object)) {
                listeners.error(new IllegalStateException("not a JSON-RPC message: " + message));
            } else if (object.get("method") instanceof JsonString method && !object.containsKey("id")) {
                owner.push(method.getString(), object.get("params"));
            } else if (!pending.settle(object) && object.get("error") instanceof JsonObject error) {
                // an error the server could not tie to a call (id null); a late result is nobody's business
                listeners.error(PendingCalls.errorOf(null, error));
            }
        }
    }

    @Override
    public void lost(Connection gone, int code, String reason) {
        boolean wasConnected;
        synchronized (this) {
            if (gone != connection) {
                return;
            }
            connection = null;
            wasConnected = state == State.CONNECTED;
            state = State.RECONNECTING;
            cancel(heartbeat);
            cancel(probe);
            if (wasConnected) {
                nextConnect = new CompletableFuture<>();
            }
        }
        // calls are failed outside the lock: their callbacks are the application's code
        List<Long> resend = pending.socketLost("socket to " + gone.uri() + " lost (" + code + " " + reason + ")");
        synchronized (this) {
            for (int i = resend.size() - 1; i >= 0; i--) {
                outbox.addFirst(resend.get(i));
            }
            scheduleRetry(wasConnected && System.nanoTime() - openedAt >= options.stable.toNanos());
        }
        if (wasConnected) {
            listeners.disconnected(gone.uri(), code, reason);
        } else {
            listeners.error(new IOException("cannot connect to " + gone.uri() + ": " + reason));
        }
    }

    // ---- inside ------------------------------------------------------------------------------------------

    private void open() {
        Connection next;
        synchronized (this) {
            if (state == State.CLOSED) {
                return;
            }
            gateway = gateways.current();
            next = new Connection(gateway, this);
            connection = next;
        }
        next.open(http, options.headers, options.connectTimeout);
    }

    private void scheduleRetry(boolean afterStableConnection) {
        if (state == State.CLOSED) {
            return;
        }
        if (afterStableConnection) {
            backoff.reset();
        }
        gateways.advance();
        try {
            retry = scheduler.schedule(this::open, backoff.nextMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            listeners.error(e);
        }
    }

    private void heartbeat(Connection on) {
        call("system.ping", null, CallOptions.timeout(options.heartbeat)).whenComplete((pong, failure) -> {
            if (failure instanceof RpcError error && error.kind() == RpcError.Kind.TIMEOUT) {
                on.abort("no heartbeat reply within " + options.heartbeat.toMillis() + " ms");
            }
        });
    }

    private void sendCall(long id, Connection on) {
        String frame = pending.frame(id);
        if (frame != null) {
            pending.markSent(id);
            on.send(frame);
        }
    }

    private static void cancel(ScheduledFuture<?> task) {
        if (task != null) {
            task.cancel(false);
        }
    }
}
