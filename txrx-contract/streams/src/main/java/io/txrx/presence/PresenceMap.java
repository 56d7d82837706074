package io.txrx.presence;

import io.txrx.keys.StreamKeys;
import io.txrx.stream.NodePipelines;
import io.txrx.stream.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.XAddParams;

/**
 * The user → gateway map in Redis, which gateways write and everyone reads: a set of gateways per user
 * ({@code presence:user:<username>}), a set of users per gateway ({@code presence:gw:<id>}) and one sorted
 * set of live gateways scored by the deadline each gateway's loop keeps pushing ahead
 * ({@code presence:gateways}). A gateway whose deadline has passed counts as gone at once, whatever its sets
 * still say, so no route ever points at a dead gateway; a surviving gateway then reaps its entries. Every
 * change is announced on {@code presence:changes} (the username only: readers look the state up again).
 * Every command touches one key, so it works on a Redis Cluster.
 */
@ApplicationScoped
public class PresenceMap {
    static final long CHANGES_MAX_LEN = 10_000;

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    /** The form a username is kept in: usernames are unique regardless of case. */
    public static String normalize(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    /** The stream that names each user whose presence may have changed, field {@code user}. */
    public String changes() {
        return keys.key("presence:changes");
    }

    /** The user now has a socket on {@code gateway}. */
    public void joined(String gateway, String user) {
        try (NodePipelines pipelines = redis.pipelines()) {
            pipelines.on(userKey(user)).sadd(userKey(user), gateway);
            pipelines.on(gatewayKey(gateway)).sadd(gatewayKey(gateway), user);
            announce(pipelines, user);
            pipelines.sync();
        }
    }

    /** The user has no socket left on {@code gateway}. */
    public void left(String gateway, String user) {
        try (NodePipelines pipelines = redis.pipelines()) {
            pipelines.on(userKey(user)).srem(userKey(user), gateway);
            pipelines.on(gatewayKey(gateway)).srem(gatewayKey(gateway), user);
            announce(pipelines, user);
            pipelines.sync();
        }
    }

    /** Every user of the gateway is on it (again): after it was reaped, or Redis lost its data. */
    public void rejoin(String gateway, Collection<String> users) {
        if (users.isEmpty()) {
            return;
        }
        try (NodePipelines pipelines = redis.pipelines()) {
            for (String user : users) {
                pipelines.on(userKey(user)).sadd(userKey(user), gateway);
                pipelines.on(gatewayKey(gateway)).sadd(gatewayKey(gateway), user);
                announce(pipelines, user);
            }
            pipelines.sync();
        }
    }

    /**
     * Pushes the gateway's deadline to {@code deadlineMs}; answers {@code true} when it was not listed (its
     * first beat, or it had been reaped as dead, or Redis lost its data), when its users must be rejoined.
     */
    public boolean beat(String gateway, long deadlineMs) {
        return client().zadd(gatewaysKey(), deadlineMs, gateway) == 1;
    }

    /** Gateways whose deadline passed before {@code nowMs}. */
    public List<String> expired(long nowMs) {
        return client().zrangeByScore(gatewaysKey(), Double.NEGATIVE_INFINITY, nowMs - 1);
    }

    /**
     * Takes the gateway off the map: only one caller wins the removal and clears its users' entries,
     * announcing each; answers the users it cleared (empty when another caller won).
     */
    public List<String> reap(String gateway) {
        if (client().zrem(gatewaysKey(), gateway) != 1) {
            return List.of();
        }
        List<String> users = new ArrayList<>(client().smembers(gatewayKey(gateway)));
        try (NodePipelines pipelines = redis.pipelines()) {
            for (String user : users) {
                pipelines.on(userKey(user)).srem(userKey(user), gateway);
                announce(pipelines, user);
            }
            pipelines.on(gatewayKey(gateway)).del(gatewayKey(gateway));
            pipelines.sync();
        }
        return users;
    }

    /** The live gateways holding a socket of the user. */
    public List<String> gateways(String user, long nowMs) {
        Set<String> listed = client().smembers(userKey(normalize(user)));
        if (listed.isEmpty()) {
            return List.of();
        }
        List<String> candidates = List.copyOf(listed);
        List<Double> deadlines = client().zmscore(gatewaysKey(), candidates.toArray(String[]::new));
        List<String> live = new ArrayList<>(candidates.size());
        for (int i = 0; i < candidates.size(); i++) {
            if (PresenceRules.alive(deadlines.get(i), nowMs)) {
                live.add(candidates.get(i));
            }
        }
        return live;
    }

    /** Whether each user (as given) has a socket on a live gateway. */
    public Map<String, Boolean> online(Collection<String> users, long nowMs) {
        Map<String, Response<Set<String>>> listed = new LinkedHashMap<>();
        try (NodePipelines pipelines = redis.pipelines()) {
            for (String user : users) {
                listed.put(user, pipelines.on(userKey(normalize(user))).smembers(userKey(normalize(user))));
            }
            pipelines.sync();
        }
        Set<String> gateways = new TreeSet<>();
        listed.values().forEach(r -> gateways.addAll(r.get()));
        Map<String, Double> deadlines = new LinkedHashMap<>();
        if (!gateways.isEmpty()) {
            List<String> ids = List.copyOf(gateways);
            List<Double> scores = client().zmscore(gatewaysKey(), ids.toArray(String[]::new));
            for (int i = 0; i < ids.size(); i++) {
                deadlines.put(ids.get(i), scores.get(i));
            }
        }
        Map<String, Boolean> online = new LinkedHashMap<>();
        listed.forEach((user, response) -> online.put(
                user, response.get().stream().anyMatch(gw -> PresenceRules.alive(deadlines.get(gw), nowMs))));
        return online;
    }

    private void announce(NodePipelines pipelines, String user) {
        pipelines
                .on(changes())
                .xadd(
                        changes(),
                        XAddParams.xAddParams().maxLen(CHANGES_MAX_LEN).approximateTrimming(),
                        Map.of("user", user));
    }

    private UnifiedJedis client() {
        return redis.client();
    }

    private String userKey(String user) {
        return keys.key("presence:user:" + user);
    }

    private String gatewayKey(String gateway) {
        return keys.key("presence:gw:" + gateway);
    }

    private String gatewaysKey() {
        return keys.key("presence:gateways");
    }
}
