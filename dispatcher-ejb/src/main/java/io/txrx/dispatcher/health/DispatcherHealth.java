package io.txrx.dispatcher.health;

import io.txrx.dispatcher.boundary.Dispatcher;
import io.txrx.keys.StreamKeys;
import io.txrx.p2p.boundary.Routes;
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
 * The dispatcher's checks, served by Payara at {@code /health/live} and {@code /health/ready}: live while
 * its loop runs; ready while, on top, Redis answers, the group {@code dispatchers} exists on TX, the loop's
 * last round worked and a route table has been received (this peer has asked the network for its shards and
 * knows at least one route). A process without the dispatcher role reports both up, with {@code role: off}.
 */
@ApplicationScoped
public class DispatcherHealth {
    static final String NAME = "dispatcher";

    @Inject
    Dispatcher dispatcher;

    @Inject
    Roles roles;

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    @Inject
    Routes routes;

    /** The live check. */
    @Liveness
    @ApplicationScoped
    public static class Live implements HealthCheck {
        @Inject
        DispatcherHealth health;

        @Override
        public HealthCheckResponse call() {
            return health.live();
        }
    }

    HealthCheckResponse live() {
        if (!roles.has(Role.DISPATCHER)) {
            return HealthCheckResponse.named(NAME).up().withData("role", "off").build();
        }
        return HealthCheckResponse.named(NAME)
                .status(dispatcher.running())
                .withData("loop", dispatcher.running() ? "running" : "stopped")
                .build();
    }

    /** The ready check. */
    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {
        @Inject
        DispatcherHealth health;

        @Override
        public HealthCheckResponse call() {
            return health.ready();
        }
    }

    HealthCheckResponse ready() {
        if (!roles.has(Role.DISPATCHER)) {
            return HealthCheckResponse.named(NAME).up().withData("role", "off").build();
        }
        String group = groupState();
        boolean redisUp = !group.equals("unknown");
        boolean loopUp = dispatcher.running() && !dispatcher.failing();
        int routeCount = routes.methods().size();
        boolean routesKnown = routes.knownSince() != Long.MAX_VALUE && routeCount > 0;
        return HealthCheckResponse.named(NAME)
                .status(redisUp && group.equals("exists") && loopUp && routesKnown)
                .withData("redis", redisUp ? "up" : "down")
                .withData("group", group)
                .withData("loop", !dispatcher.running() ? "stopped" : dispatcher.failing() ? "failing" : "running")
                .withData("routes", routeCount)
                .build();
    }

    /** {@code exists} or {@code missing} for the dispatchers' group on TX; {@code unknown} when Redis fails. */
    private String groupState() {
        try {
            boolean exists = redis.client().exists(keys.tx())
                    && redis.client().xinfoGroups(keys.tx()).stream()
                            .anyMatch(info -> info.getName().equals(Dispatcher.group()));
            return exists ? "exists" : "missing";
        } catch (JedisException e) {
            return "unknown";
        }
    }
}
