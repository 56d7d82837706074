package io.txrx.handlers.admin.control;

import io.txrx.p2p.control.PeerDirectory;
import io.txrx.p2p.control.PeerDirectory.Peer;
import io.txrx.p2p.control.RouteTable;
import io.txrx.peer.Shard;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The cluster as this rpc instance's P2P peer knows it: the peers by role (dispatchers and rpc instances
 * heard on the P2P stream; gateways, which take no part in P2P, by their RX streams) and the shards of the
 * route table, one per service with its methods and the instances serving it.
 */
public final class ClusterView {

    /** A peer under one of its roles; {@code lastHeartbeatMs} is when this peer last heard it. */
    public record Member(String instance, String roles, long firstHeardMs, long lastHeartbeatMs) {}

    public record Gateway(String instance) {}

    public record ServiceShard(String service, String stream, List<String> methods, List<String> instances) {}

    public record Cluster(
            long at, Map<String, List<Member>> peers, List<Gateway> gateways, List<ServiceShard> shards) {}

    private ClusterView() {}

    public static Cluster of(PeerDirectory directory, RouteTable routes, List<String> gateways, long nowMs) {
        Map<String, List<Member>> byRole = new TreeMap<>();
        for (Peer peer : directory.peers()) {
            for (String role : peer.roles().split(",")) {
                if (!role.isBlank()) {
                    byRole.computeIfAbsent(role.trim(), r -> new ArrayList<>())
                            .add(new Member(peer.instance(), peer.roles(), peer.firstHeardMs(), peer.lastHeardMs()));
                }
            }
        }
        Map<String, TreeSet<String>> methods = new LinkedHashMap<>();
        Map<String, TreeSet<String>> instances = new LinkedHashMap<>();
        Map<String, String> streams = new LinkedHashMap<>();
        for (Shard shard : routes.shards()) {
            methods.computeIfAbsent(shard.service(), s -> new TreeSet<>()).addAll(shard.methods());
            instances.computeIfAbsent(shard.service(), s -> new TreeSet<>()).add(shard.instance());
            streams.put(shard.service(), shard.stream());
        }
        List<ServiceShard> shards = new ArrayList<>();
        methods.forEach((service, names) -> shards.add(new ServiceShard(
                service, streams.get(service), List.copyOf(names), List.copyOf(instances.get(service)))));
        return new Cluster(nowMs, byRole, gateways.stream().map(Gateway::new).toList(), shards);
    }
}
