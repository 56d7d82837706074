package io.txrx.p2p.control;

import io.txrx.p2p.boundary.Routes;
import io.txrx.peer.Shard;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Method → service stream, merged from the shards of live RPC instances. A method stays routable while any
 * instance serving it is alive. {@link #version()} grows whenever a method becomes routable that was not,
 * so a dispatcher knows to re-process calls it could not route.
 */
@ApplicationScoped
public class RouteTable implements Routes {

    private record Route(String service, String stream) {}

    private final Map<String, Map<String, Shard>> shardsByInstance = new HashMap<>();
    private final Map<String, Long> lastSeen = new HashMap<>();
    private final AtomicLong version = new AtomicLong();
    private volatile Map<String, Route> routes = Map.of();
    private volatile long knownSince = Long.MAX_VALUE;

    /**
     * Records that this peer asks the network for its shards now ({@code init}): from here on the table can
     * learn every route. Called on start and whenever the P2P state may have been lost (a Redis restart).
     */
    public void learningSince(long nowMs) {
        knownSince = nowMs;
    }

    /** Takes in a shard; answers whether it made a new method routable. */
    public synchronized boolean merge(Shard shard, long nowMs) {
        shardsByInstance.computeIfAbsent(shard.instance(), i -> new HashMap<>()).put(shard.service(), shard);
        lastSeen.put(shard.instance(), nowMs);
        return rebuild();
    }

    /** Records that an instance is alive; answers whether it is known to serve anything. */
    public synchronized boolean heard(String instance, long nowMs) {
        if (!shardsByInstance.containsKey(instance)) {
            return false;
        }
        lastSeen.put(instance, nowMs);
        return true;
    }

    /** Counts every known instance as heard now: after this peer could not read P2P, their silence says nothing. */
    public synchronized void heardAll(long nowMs) {
        lastSeen.replaceAll((instance, seen) -> nowMs);
    }

    public synchronized void drop(String instance) {
        if (shardsByInstance.remove(instance) != null) {
            lastSeen.remove(instance);
            rebuild();
        }
    }

    /** Forgets instances silent for longer than {@code ttlMs}; answers how many were dropped. */
    public synchronized int expire(long nowMs, long ttlMs) {
        var silent = lastSeen.entrySet().stream()
                .filter(e -> nowMs - e.getValue() > ttlMs)
                .map(Map.Entry::getKey)
                .toList();
        silent.forEach(instance -> {
            shardsByInstance.remove(instance);
            lastSeen.remove(instance);
        });
        if (!silent.isEmpty()) {
            rebuild();
        }
        return silent.size();
    }

    /** Every shard of every live instance, sorted by service then instance. */
    public synchronized List<Shard> shards() {
        return shardsByInstance.values().stream()
                .flatMap(shards -> shards.values().stream())
                .sorted(Comparator.comparing(Shard::service).thenComparing(Shard::instance))
                .toList();
    }

    @Override
    public Optional<String> streamFor(String method) {
        Route route = routes.get(method);
        return route == null ? Optional.empty() : Optional.of(route.stream());
    }

    @Override
    public Map<String, String> methods() {
        Map<String, String> methods = new TreeMap<>();
        routes.forEach((method, route) -> methods.put(method, route.service()));
        return methods;
    }

    @Override
    public long knownSince() {
        return knownSince;
    }

    @Override
    public long version() {
        return version.get();
    }

    private boolean rebuild() {
        Map<String, Route> rebuilt = new HashMap<>();
        shardsByInstance.values().forEach(shards -> shards.values().forEach(shard -> shard.methods()
                .forEach(method -> rebuilt.put(method, new Route(shard.service(), shard.stream())))));
        boolean gained = !routes.keySet().containsAll(rebuilt.keySet());
        routes = Map.copyOf(rebuilt);
        if (gained) {
            version.incrementAndGet();
        }
        return gained;
    }
}
