package io.txrx.jsonrpc;

/**
 * The names of the methods and pushes txrx itself defines, as clients send and receive them; a handler's
 * own methods are named by its {@code @RpcMethod}.
 */
public final class Methods {
    /** Answers {@code "pong"}: the heartbeat of clients and the readiness probe of the launcher. */
    public static final String SYSTEM_PING = "system.ping";
    /** Subscribes the socket to a channel, from an offset or from now. */
    public static final String CHANNEL_SUBSCRIBE = "channel.subscribe";

    public static final String CHANNEL_UNSUBSCRIBE = "channel.unsubscribe";
    public static final String CHANNEL_PUBLISH = "channel.publish";
    public static final String CHANNEL_HISTORY = "channel.history";
    /** The push a subscribed socket receives for every message of the channel. */
    public static final String CHANNEL_MESSAGE = "channel.message";

    private Methods() {}
}
