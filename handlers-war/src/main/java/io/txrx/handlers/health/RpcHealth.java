package io.txrx.handlers.health;

import io.txrx.handlers.schema.boundary.Schema;
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
 * The rpc role's checks, served by Payara at {@code /health/live} and {@code /health/ready}: live once
 * deployed; ready while Redis answers a PING, the migrations have run and the database answers. A process
 * without the rpc role reports both up, with {@code role: off}.
 */
@ApplicationScoped
public class RpcHealth {
    static final String NAME = "rpc";
    private static final int DATABASE_WITHIN_SECONDS = 2;

    @Inject
    Roles roles;

    @Inject
    Redis redis;

    @Inject
    Schema schema;

    /** The live check. */
    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Inject
        RpcHealth health;

        @Override
        public HealthCheckResponse call() {
            return health.live();
        }
    }

    HealthCheckResponse live() {
        return HealthCheckResponse.named(NAME)
                .up()
                .withData("role", roles.has(Role.RPC) ? "on" : "off")
                .build();
    }

    /** The ready check. */
    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        RpcHealth health;

        @Override
        public HealthCheckResponse call() {
            return health.ready();
        }
    }

    HealthCheckResponse ready() {
        if (!roles.has(Role.RPC)) {
            return HealthCheckResponse.named(NAME).up().withData("role", "off").build();
        }
        boolean redisUp = pings();
        boolean migrated = schema.migrated();
        boolean databaseUp = schema.databaseAnswers(DATABASE_WITHIN_SECONDS);
        return HealthCheckResponse.named(NAME)
                .status(redisUp && migrated && databaseUp)
                .withData("redis", redisUp ? "up" : "down")
                .withData("migrations", migrated ? "done" : "pending")
                .withData("database", databaseUp ? "up" : "down")
                .build();
    }

    private boolean pings() {
        try {
            return "PONG".equals(redis.client().ping());
        } catch (JedisException e) {
            return false;
        }
    }
}
