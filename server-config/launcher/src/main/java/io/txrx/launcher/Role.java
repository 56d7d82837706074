package io.txrx.launcher;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** A value of {@code txrx.roles} and the deployables a Payara Micro process needs to play it. */
public enum Role {
    GATEWAY,
    DISPATCHER,
    RPC,
    ALL;

    /** The value of {@code TXRX_ROLES}, also the name of the process and of its log. */
    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether a process of this role serves the WebSocket endpoint (and the page). */
    public boolean servesGateway() {
        return this == GATEWAY || this == ALL;
    }

    public List<Path> deployables(Distribution dist) {
        return switch (this) {
            case GATEWAY -> List.of(dist.rootWar(), dist.gatewayWar());
            case DISPATCHER -> List.of(dist.dispatcherWar());
            case RPC -> List.of(dist.handlersWar());
            case ALL -> List.of(dist.rootWar(), dist.gatewayWar(), dist.dispatcherWar(), dist.handlersWar());
        };
    }

    public static Role of(String value) {
        for (Role role : values()) {
            if (role.value().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role: " + value);
    }
}
