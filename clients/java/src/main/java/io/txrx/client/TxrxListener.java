package io.txrx.client;

import io.txrx.channel.ChannelMessage;
import jakarta.json.JsonValue;
import java.net.URI;

/**
 * What a client tells its application. Called on the client's socket threads, one event at a time per socket;
 * keep the work short or hand it over. Every method has an empty default.
 */
public interface TxrxListener {

    /** A socket opened; {@code reconnect} is false for the first one. */
    default void connected(URI gateway, boolean reconnect) {}

    /** The socket was lost (or closed by {@link TxrxClient#close()}); the client reconnects unless closed. */
    default void disconnected(URI gateway, int code, String reason) {}

    /** A channel message, exactly once per offset. */
    default void message(ChannelMessage message) {}

    /** A server push other than a channel message. */
    default void notification(String method, JsonValue params) {}

    /** The server no longer keeps everything after {@code requested}: messages were lost to retention. */
    default void truncated(String channel, String requested, JsonValue result) {}

    /** A failed connection attempt, a refused resubscribe, a frame that could not be read, a failing listener. */
    default void error(Throwable error) {}
}
