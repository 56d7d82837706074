package io.txrx.keys;

/**
 * Names of the Redis keys, all under the configurable prefix. Every command txrx sends touches one key, so
 * the names need no hash tags to work on a Redis Cluster; the one exception, a gateway's channel fan-out
 * read, is described with {@link #channel(String)}. The roles inject it as a bean under the configured
 * prefix ({@code io.txrx.stream.StreamKeysProducer}).
 */
public final class StreamKeys {

    private final String prefix;

    private StreamKeys(String prefix) {
        this.prefix = prefix;
    }

    public static StreamKeys withPrefix(String prefix) {
        return new StreamKeys(prefix);
    }

    /** Every call from every gateway. */
    public String tx() {
        return prefix + "tx";
    }

    /** Calls for one RPC service. */
    public String rpc(String service) {
        return prefix + "rpc:" + service;
    }

    /** Replies and pushes for one gateway. */
    public String rx(String gatewayId) {
        return prefix + "rx:" + gatewayId;
    }

    /** A random value that lives as long as Redis's data: when it changes, the streams were lost. */
    public String epoch() {
        return prefix + "epoch";
    }

    /** Any other key of txrx, under the prefix. */
    public String key(String name) {
        return prefix + name;
    }

    /** The P2P broadcast stream. */
    public String p2p() {
        return prefix + "p2p";
    }

    /**
     * Sign-outs ({@code io.txrx.identity.SignOut}) that every gateway reads (plain XREAD, no group), so a
     * logout, a disabled user or a changed password reaches the user's sockets on every gateway.
     */
    public String signOuts() {
        return prefix + "signout";
    }

    /**
     * The messages of one channel ({@code io.txrx.channel}). A gateway reads all the channels its sockets
     * subscribe to with one multi-key XREAD, which on a Redis Cluster needs the keys in one hash slot: see
     * the README's "How a gateway fans out" and "Redis Cluster" (Channels) for how that scales.
     */
    public String channel(String name) {
        return prefix + "ch:" + name;
    }
}
