package io.txrx.client;

import io.txrx.channel.ChannelMessage;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * A connection to txrx that reconnects by itself, to any of its gateways. Calls made while it reconnects wait
 * for the next socket (within their timeout). Channels are subscribed again on every new socket from the last
 * offset delivered, and each message reaches the listeners exactly once, in offset order.
 *
 * <pre>{@code
 * try (TxrxClient client = TxrxClient.connect(URI.create("ws://127.0.0.1:8080/gateway/ws"))) {
 *     client.onMessage(m -> System.out.println(m.channel() + " " + m.offset() + " " + m.data()));
 *     client.subscribe("news").get();
 *     JsonValue echo = client.call("system.echo", Json.createValue("hi")).get();
 * }
 * }</pre>
 */
public final class TxrxClient implements AutoCloseable {

    private final Listeners listeners = new Listeners();
    private final ScheduledExecutorService ownScheduler;
    private final Session session;
    private final Channels channels;

    TxrxClient(TxrxClientBuilder options) {
        options.listeners.forEach(listeners::add);
        ownScheduler =
                options.scheduler == null ? Executors.newSingleThreadScheduledExecutor(TxrxClient::daemon) : null;
        HttpClient http = options.http != null ? options.http : HttpClient.newHttpClient();
        session = new Session(options, http, ownScheduler != null ? ownScheduler : options.scheduler, listeners);
        channels = new Channels(session, listeners, options.onOpen == null ? null : () -> options.onOpen.apply(this));
        session.start(channels);
    }

    /** A client with the default options, connecting to the first of {@code gateways}. */
    public static TxrxClient connect(URI... gateways) {
        return builder().uris(gateways).connect();
    }

    public static TxrxClientBuilder builder() {
        return new TxrxClientBuilder();
    }

    public TxrxClient addListener(TxrxListener listener) {
        listeners.add(listener);
        return this;
    }

    public TxrxClient removeListener(TxrxListener listener) {
        listeners.remove(listener);
        return this;
    }

    /** Channel messages, exactly once each, in offset order per channel. */
    public TxrxClient onMessage(Consumer<ChannelMessage> consumer) {
        return addListener(new TxrxListener() {
            @Override
            public void message(ChannelMessage message) {
                consumer.accept(message);
            }
        });
    }

    /** Every new socket, with the gateway it is on. */
    public TxrxClient onConnect(Consumer<URI> consumer) {
        return addListener(new TxrxListener() {
            @Override
            public void connected(URI gateway, boolean reconnect) {
                consumer.accept(gateway);
            }
        });
    }

    /** Completes when the client is connected (now, or on the next socket); fails if it is closed first. */
    public CompletableFuture<Void> connected() {
        return session.connected();
    }

    public boolean isConnected() {
        return session.isConnected();
    }

    /** The gateway of the current socket, or of the one being tried. */
    public URI gateway() {
        return session.gateway();
    }

    public CompletableFuture<JsonValue> call(String method, JsonValue params) {
        return session.call(method, params, CallOptions.DEFAULT);
    }

    /**
     * Calls {@code method}; the future completes with the {@code result}, or fails with an {@link RpcError}:
     * the server's error, a timeout, the socket lost with the call in flight (unless {@code options.retry()}:
     * then it is sent again on the next socket, and the server may run it twice), or the client closed.
     *
     * @param params an object or array, or {@code null} for none
     */
    public CompletableFuture<JsonValue> call(String method, JsonValue params, CallOptions options) {
        return session.call(method, params, options);
    }

    /** Sends a notification (no reply); held until the next socket while reconnecting. */
    public void notify(String method, JsonValue params) {
        session.notify(method, params);
    }

    /** Subscribes to the new messages of {@code channel} ({@code $}). */
    public CompletableFuture<JsonValue> subscribe(String channel) {
        return channels.subscribe(channel, null);
    }

    /**
     * Subscribes to {@code channel} from {@code offset}: {@code $} (or {@code null}) new messages only, {@code 0}
     * everything the server keeps, a stream id everything after it. Completes with the server's result once
     * the first subscribe is accepted (at once if already subscribed); fails with the server's error if
     * refused. The subscription outlives lost sockets: every new socket resumes it after the last offset
     * delivered.
     */
    public CompletableFuture<JsonValue> subscribe(String channel, String offset) {
        return channels.subscribe(channel, offset);
    }

    public CompletableFuture<JsonValue> unsubscribe(String channel) {
        return channels.unsubscribe(channel);
    }

    /** Publishes {@code data} on {@code channel}; completes with the new message's offset. */
    public CompletableFuture<String> publish(String channel, JsonValue data) {
        return channels.publish(channel, data, CallOptions.DEFAULT);
    }

    public CompletableFuture<String> publish(String channel, JsonValue data, CallOptions options) {
        return channels.publish(channel, data, options);
    }

    /** A page of a channel's kept messages, without subscribing; a {@code null} bound is left out. */
    public CompletableFuture<JsonValue> history(String channel, String from, String to, Integer limit) {
        return channels.history(channel, from, to, limit);
    }

    /** The channels subscribed to (made again on every new socket). */
    public List<String> channels() {
        return channels.channels();
    }

    /** The last offset delivered on {@code channel}, or {@code null}. */
    public String lastOffset(String channel) {
        return channels.lastOffset(channel);
    }

    /** Closes the socket for good: waiting calls fail with {@link RpcError.Kind#CLOSED}, no reconnect. */
    @Override
    public void close() {
        session.close();
        channels.closed();
        if (ownScheduler != null) {
            ownScheduler.shutdownNow();
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "txrx-client");
        thread.setDaemon(true);
        return thread;
    }
}
