package io.txrx.stream;

import io.txrx.keys.StreamKeys;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The protocol's {@link StreamKeys} as a bean, under the prefix {@code txrx.prefix} configures. */
@ApplicationScoped
public class StreamKeysProducer {

    @Inject
    @ConfigProperty(name = "txrx.prefix")
    String prefix;

    @Produces
    StreamKeys keys() {
        return StreamKeys.withPrefix(prefix);
    }
}
