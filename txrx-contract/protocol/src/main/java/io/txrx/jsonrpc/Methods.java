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
    /**
     * The push a socket receives when it was signed out from elsewhere (a logout of its session, its user
     * disabled, or the password changed on another session); its later calls are anonymous.
     */
    public static final String AUTH_SIGNED_OUT = "auth.signedOut";

    private Methods() {}
}
