package io.txrx.stream;

import io.txrx.keys.StreamKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The protocol's {@link StreamKeys} as a bean, under the prefix {@code txrx.prefix} configures; on a Redis
 * Cluster ({@code txrx.redis.cluster-nodes}) with {@code txrx.channel.hash-tags} channel hash tags.
 */
@ApplicationScoped
public class StreamKeysProducer {

    @Inject
    @ConfigProperty(name = "txrx.prefix")
    String prefix;

    @Inject
    @ConfigProperty(name = "txrx.channel.hash-tags")
    int channelTags;

    @Inject
    Redis redis;

    @Produces
    StreamKeys keys() {
        return redis.isCluster() ? StreamKeys.forCluster(prefix, channelTags) : StreamKeys.withPrefix(prefix);
    }
}
