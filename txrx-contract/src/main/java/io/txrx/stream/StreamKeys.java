package io.txrx.stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Names of the Redis keys, all under the configurable prefix. Every command txrx sends touches one key, so
 * the names need no hash tags to work on a Redis Cluster; the one exception, a gateway's channel fan-out
 * read, is described with {@link #channel(String)}.
 */
@ApplicationScoped
public class StreamKeys {

    @Inject
    @ConfigProperty(name = "txrx.prefix")
    String prefix;

    public static StreamKeys withPrefix(String prefix) {
        StreamKeys keys = new StreamKeys();
        keys.prefix = prefix;
        return keys;
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

    /** Any other key of txrx, under the prefix. */
    public String key(String name) {
        return prefix + name;
    }

    /** The P2P broadcast stream. */
    public String p2p() {
        return prefix + "p2p";
    }

    /**
     * The messages of one channel ({@code io.txrx.channel}). A gateway reads all the channels its sockets
     * subscribe to with one multi-key XREAD, which on a Redis Cluster needs the keys in one hash slot: see
     * {@code gateway-war/CHANNELS.md} for how that scales.
     */
    public String channel(String name) {
        return prefix + "ch:" + name;
    }
}
