package io.txrx.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/** Options of a {@link TxrxClient}; {@link #connect()} opens it. */
public final class TxrxClientBuilder {

    final List<URI> uris = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    final List<TxrxListener> listeners = new ArrayList<>();
    Duration callTimeout = Duration.ofSeconds(30);
    Duration connectTimeout = Duration.ofSeconds(10);
    Duration backoffBase = Duration.ofMillis(250);
    Duration backoffMax = Duration.ofSeconds(10);
    Duration stable = Duration.ofSeconds(5);
    Duration heartbeat = Duration.ZERO;
    Duration idleProbe = Duration.ofSeconds(5);
    HttpClient http;
    ScheduledExecutorService scheduler;
    DoubleSupplier random;
    Function<TxrxClient, ? extends CompletionStage<?>> onOpen;

    TxrxClientBuilder() {}

    /** Gateway sockets ({@code ws://host:port/gateway/ws}), tried in turn; at least one. */
    public TxrxClientBuilder uris(URI... uris) {
        this.uris.addAll(Arrays.asList(uris));
        return this;
    }

    public TxrxClientBuilder uris(List<URI> uris) {
        this.uris.addAll(uris);
        return this;
    }

    /** Default timeout of a call (30 s). */
    public TxrxClientBuilder callTimeout(Duration timeout) {
        this.callTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** How long a handshake may take before the next gateway is tried (10 s). */
    public TxrxClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = Objects.requireNonNull(timeout);
        return this;
    }

    /** First reconnect delay and the longest one (250 ms, 10 s); the delay doubles per failed attempt. */
    public TxrxClientBuilder backoff(Duration base, Duration max) {
        this.backoffBase = Objects.requireNonNull(base);
        this.backoffMax = Objects.requireNonNull(max);
        return this;
    }

    /** A connection that lived this long starts the backoff over when it is lost (5 s). */
    public TxrxClientBuilder stableAfter(Duration stable) {
        this.stable = Objects.requireNonNull(stable);
        return this;
    }

    /** Calls {@code system.ping} this often and gives up on a socket that does not answer in time; zero: off. */
    public TxrxClientBuilder heartbeat(Duration interval) {
        this.heartbeat = Objects.requireNonNull(interval);
        return this;
    }

    /**
     * Sends a WebSocket ping on a socket that received nothing for this long (5 s), so that a gateway gone
     * without the JDK noticing (it can miss a closed socket) is found when the ping cannot be written; zero: off.
     * Unlike {@link #heartbeat}, a slow reply never ends the socket.
     */
    public TxrxClientBuilder idleProbe(Duration idle) {
        this.idleProbe = Objects.requireNonNull(idle);
        return this;
    }

    /** A header of every handshake, such as {@code Origin} when a gateway only allows some. */
    public TxrxClientBuilder header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** Listens from the first socket on, so no event is missed. */
    public TxrxClientBuilder listener(TxrxListener listener) {
        listeners.add(Objects.requireNonNull(listener));
        return this;
    }

    /**
     * Runs on every new socket (the first and each reconnect) before the client subscribes to its channels
     * again: sign the socket in here, say with {@code auth.resume} and a token the application kept, so that
     * channels that need a signed-in socket are not refused with -32001. The hook's calls go out first on the
     * new socket; the channels are asked for once its stage completes (also when it fails: the failure goes to
     * the listeners' {@code error}). Calls queued while no socket was open go out at once, without waiting.
     */
    public TxrxClientBuilder onOpen(Function<TxrxClient, ? extends CompletionStage<?>> hook) {
        this.onOpen = Objects.requireNonNull(hook);
        return this;
    }

    /** The HTTP client the sockets are opened with (default: a new one). */
    public TxrxClientBuilder httpClient(HttpClient http) {
        this.http = http;
        return this;
    }

    /**
     * Runs timeouts, reconnects and heartbeats (default: one daemon thread of the client's own, stopped by
     * {@link TxrxClient#close()}). In a Jakarta EE container, give it the container's managed one.
     */
    public TxrxClientBuilder scheduler(ScheduledExecutorService scheduler) {
        this.scheduler = scheduler;
        return this;
    }

    /** Random numbers in [0, 1) for the jitter (tests). */
    TxrxClientBuilder random(DoubleSupplier random) {
        this.random = random;
        return this;
    }

    /** Starts the client: it is connecting when this returns; see {@link TxrxClient#connected()}. */
    public TxrxClient connect() {
        return new TxrxClient(this);
    }
}
