package io.txrx.keys;

/**
 * Names of the Redis keys, all under the configurable prefix. Every command txrx sends touches one key, so
 * the names need no hash tags to work on a Redis Cluster, and spread over its nodes by their names; the one
 * exception, a gateway's channel fan-out read, is described with {@link #channel(String)}. The roles inject
 * it as a bean under the configured prefix ({@code io.txrx.stream.StreamKeysProducer}).
 */
public final class StreamKeys {

    private final String prefix;
    private final int channelTags;

    private StreamKeys(String prefix, int channelTags) {
        this.prefix = prefix;
        this.channelTags = channelTags;
    }

    /** Keys for one Redis: channel keys without hash tags. */
    public static StreamKeys withPrefix(String prefix) {
        return new StreamKeys(prefix, 0);
    }

    /**
     * Keys for a Redis Cluster: each channel key carries one of {@code tags} hash tags (see
     * {@link #channel(String)}).
     */
    public static StreamKeys forCluster(String prefix, int tags) {
        if (tags < 1) {
            throw new IllegalArgumentException("a cluster needs at least one channel hash tag, not " + tags);
        }
        return new StreamKeys(prefix, tags);
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
     * The messages of one channel ({@code io.txrx.channel}): {@code <prefix>ch:<name>} on one Redis. A gateway
     * reads the channels its sockets subscribe to with multi-key XREADs, which on a Redis Cluster need their
     * keys in one hash slot; there the key is {@code <prefix>ch:{<n>}<name>}, {@code n} the name's hash modulo
     * the number of tags, so a gateway keeps at most that many readers while channels still spread over the
     * nodes (the README's "Beyond one Redis").
     */
    public String channel(String name) {
        if (channelTags == 0) {
            return prefix + "ch:" + name;
        }
        return prefix + "ch:{" + Math.floorMod(name.hashCode(), channelTags) + "}" + name;
    }
}
