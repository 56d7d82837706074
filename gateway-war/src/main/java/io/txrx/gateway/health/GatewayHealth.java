package io.txrx.gateway.health;

import io.txrx.gateway.boundary.Gateway;
import io.txrx.peer.Role;
import io.txrx.process.Roles;
import io.txrx.stream.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The gateway's checks, served by Payara at {@code /health/live} and {@code /health/ready}: live while its
 * RX reader loop runs; ready while, on top, Redis answers a PING and the RX reader's last round worked.
 * A process without the gateway role reports both up, with {@code role: off}.
 */
@ApplicationScoped
public class GatewayHealth {
    static final String NAME = "gateway";

    @Inject
    Gateway gateway;

    @Inject
    Roles roles;

    @Inject
    Redis redis;

    /** The live check. */
    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Inject
        GatewayHealth health;

        @Override
        public HealthCheckResponse call() {
            return health.live();
        }
    }

    HealthCheckResponse live() {
        if (!roles.has(Role.GATEWAY)) {
            return HealthCheckResponse.named(NAME).up().withData("role", "off").build();
        }
        return HealthCheckResponse.named(NAME)
                .status(gateway.rxRunning())
                .withData("rx", gateway.rxRunning() ? "running" : "stopped")
                .build();
    }

    /** The ready check. */
    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        GatewayHealth health;

        @Override
        public HealthCheckResponse call() {
            return health.ready();
        }
    }

    HealthCheckResponse ready() {
        if (!roles.has(Role.GATEWAY)) {
            return HealthCheckResponse.named(NAME).up().withData("role", "off").build();
        }
        boolean redisUp = pings(redis);
        boolean rxUp = gateway.rxRunning() && !gateway.rxFailing();
        return HealthCheckResponse.named(NAME)
                .status(redisUp && rxUp)
                .withData("redis", redisUp ? "up" : "down")
                .withData("rx", !gateway.rxRunning() ? "stopped" : gateway.rxFailing() ? "failing" : "running")
                .build();
    }

    /** Whether Redis answers a PING now. */
    static boolean pings(Redis redis) {
        try {
            return "PONG".equals(redis.client().ping());
        } catch (JedisException e) {
            return false;
        }
    }
}
