package io.txrx.gateway.boundary;

import jakarta.websocket.server.ServerEndpointConfig;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses handshakes from origins not in {@code txrx.gateway.allowed-origins} (comma list; {@code *} allows
 * any), against cross-site WebSocket hijacking. The container creates this class, so it reads the
 * configuration itself.
 */
public class OriginCheck extends ServerEndpointConfig.Configurator {
    private final Set<String> allowed = Arrays.stream(ConfigProvider.getConfig()
                    .getValue("txrx.gateway.allowed-origins", String.class)
                    .split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .collect(Collectors.toSet());

    @Override
    public boolean checkOrigin(String origin) {
        return allowed.contains("*") || (origin != null && allowed.contains(origin));
    }
}
