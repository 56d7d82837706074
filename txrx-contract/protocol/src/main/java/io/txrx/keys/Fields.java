package io.txrx.keys;

/** Field names of stream entries (DESIGN.md section 3). */
public final class Fields {
    /** The gateway instance holding the caller's socket. */
    public static final String GATEWAY = "gw";
    /** The caller's WebSocket session id on that gateway. */
    public static final String SESSION = "sid";
    /** The gateway's own id for one call, so a second reply to the same call can be dropped. */
    public static final String CALL = "cid";
    /** The JSON-RPC method, so routing needs no JSON parsing. */
    public static final String METHOD = "method";
    /** The signed-in user bound to the socket, if any. */
    public static final String USER = "user";
    /** The JSON-RPC request, reply or push as text. */
    public static final String MESSAGE = "msg";
    /**
     * In an RX entry: the caller to bind to the socket before the message is delivered, as
     * {@code io.txrx.identity.Caller} JSON, or empty to unbind.
     */
    public static final String BIND = "bind";
    /** Milliseconds since the epoch when the entry was written. */
    public static final String TIMESTAMP = "ts";
    /**
     * The W3C {@code traceparent} of the hop that wrote the entry (TX: the gateway's call span; a service
     * stream: the dispatcher's span), when tracing is on.
     */
    public static final String TRACEPARENT = "tp";
    /** In a service stream entry: when the dispatcher forwarded the call (epoch ms), for its latency. */
    public static final String DISPATCHED_AT = "dts";
    /** In an RX reply entry: when the rpc instance wrote the reply (epoch ms), for the latency of that hop. */
    public static final String REPLIED_AT = "rts";
    /**
     * In an RX entry without a call id: push the message to every socket of this gateway signed in as this
     * user (the lower-case username) instead of to one session.
     */
    public static final String TO_USER = "to";
    /** With {@link #TO_USER}: the session that is left out (the socket that sent a chat message, say). */
    public static final String EXCEPT_SESSION = "not";

    private Fields() {}

    /**
     * A time stamp of an entry ({@link #TIMESTAMP}, {@link #DISPATCHED_AT}, {@link #REPLIED_AT}) in epoch ms,
     * or {@code absent} when the entry has none or it is not a number (written by something else).
     */
    public static long stampMs(String stamp, long absent) {
        if (stamp == null) {
            return absent;
        }
        try {
            return Long.parseLong(stamp);
        } catch (NumberFormatException e) {
            return absent;
        }
    }
}
