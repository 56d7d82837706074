package io.txrx.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.exceptions.JedisClusterOperationException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisRedirectionException;

/**
 * One pipeline per Redis node for one round trip over many keys: {@link #on(String)} answers the pipeline of
 * the node holding the key (on one Redis, always the same one). {@link #sync()} sends every node's commands
 * and fails, after the client relearns the cluster's slot map, when a node could not be reached or answered
 * that it no longer holds a slot (MOVED, ASK) or cannot take writes now (CLUSTERDOWN, TRYAGAIN, READONLY,
 * MASTERDOWN, LOADING): the commands of that node were not run, so the caller must retry.
 * Jedis's own cluster pipeline is not used because it drops a node's failure with a log line.
 */
public final class NodePipelines implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NodePipelines.class.getName());
    private static final List<String> RETRYABLE =
            List.of("CLUSTERDOWN", "TRYAGAIN", "READONLY", "MASTERDOWN", "LOADING");

    private final Redis redis;
    /** Keyed by node; on one Redis, the one pipeline under {@code null}. */
    private final Map<HostAndPort, Pipeline> byNode = new LinkedHashMap<>();

    NodePipelines(Redis redis) {
        this.redis = redis;
    }

    /** The pipeline of the node that holds {@code key}. */
    public Pipeline on(String key) {
        return byNode.computeIfAbsent(redis.node(key), node -> redis.pipeline(key));
    }

    /**
     * Makes the commands added after this run only once every command added before it has: on one Redis a
     * no-op (one connection runs its commands in order, and a connection that died ran a prefix of them), on
     * a cluster a {@link #sync()}, because the nodes run their pipelines independently. For an XACK that must
     * follow the XADD of the entry's result on another stream.
     */
    public void barrier() {
        if (redis.isCluster()) {
            sync();
        }
    }

    /** Runs every node's commands; throws when a node's commands may not have run (see the class). */
    public void sync() {
        JedisException failure = null;
        for (Pipeline pipeline : byNode.values()) {
            try {
                for (Object reply : pipeline.syncAndReturnAll()) {
                    if (reply instanceof JedisDataException error && mustRetry(error)) {
                        throw error;
                    }
                }
            } catch (JedisException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            redis.renewTopology();
            throw failure instanceof JedisDataException
                    ? new JedisClusterOperationException(
                            "a node refused its commands: " + failure.getMessage(), failure)
                    : failure;
        }
    }

    private static boolean mustRetry(JedisDataException error) {
        if (error instanceof JedisRedirectionException) {
            return true;
        }
        String message = String.valueOf(error.getMessage());
        return RETRYABLE.stream().anyMatch(message::startsWith);
    }

    /** Gives the connections back; commands not synced are sent first (and their failures only logged). */
    @Override
    public void close() {
        for (Pipeline pipeline : byNode.values()) {
            try {
                pipeline.close();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Closing a pipeline failed: {0}", e.toString());
            }
        }
    }
}
