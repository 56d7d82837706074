package io.txrx.p2p.control;

import io.txrx.peer.PeerMessage;
import io.txrx.peer.Role;
import io.txrx.peer.Shard;
import io.txrx.process.Roles;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What a peer does with each verified P2P message (DESIGN.md section 4): RPC peers answer a dispatcher's
 * {@code init} and a {@code hello} with their shards, dispatchers greet a new RPC peer with {@code hello},
 * every peer merges shares into its route table, and heartbeats and byes keep that table to live instances.
 */
public class PeerProtocol {
    private static final Logger LOG = Logger.getLogger(PeerProtocol.class.getName());

    private final String instance;
    private final Roles roles;
    private final RouteTable routes;
    private final Supplier<List<Shard>> localShards;

    public PeerProtocol(String instance, Roles roles, RouteTable routes, Supplier<List<Shard>> localShards) {
        this.instance = instance;
        this.roles = roles;
        this.routes = routes;
        this.localShards = localShards;
    }

    /**
     * The {@code init} that asks every peer for its shards; the route table counts as learning from
     * {@code nowMs} on (send it again after Redis lost the P2P state, and the dispatcher's grace restarts).
     */
    public PeerMessage init(long nowMs) {
        routes.learningSince(nowMs);
        return message(PeerMessage.INIT, "", "", nowMs);
    }

    public PeerMessage heartbeat(long nowMs) {
        return message(PeerMessage.HEARTBEAT, "", "", nowMs);
    }

    public PeerMessage bye(long nowMs) {
        return message(PeerMessage.BYE, "", "", nowMs);
    }

    public List<PeerMessage> shares(long nowMs) {
        List<PeerMessage> shares = new ArrayList<>();
        for (Shard shard : localShards.get()) {
            shares.add(message(PeerMessage.SHARE, "", shard.toJson(), nowMs));
        }
        return shares;
    }

    /** Handles one verified message and answers the messages to send back. */
    public List<PeerMessage> receive(PeerMessage in, long nowMs) {
        if (!in.isFor(instance)) {
            return List.of();
        }
        switch (in.type()) {
            case PeerMessage.INIT:
                return onInit(in, nowMs);
            case PeerMessage.HELLO:
                return roles.has(Role.RPC) ? shares(nowMs) : List.of();
            case PeerMessage.SHARE:
                onShare(in, nowMs);
                return List.of();
            case PeerMessage.HEARTBEAT:
                return onHeartbeat(in, nowMs);
            case PeerMessage.BYE:
                routes.drop(in.from());
                LOG.log(Level.INFO, "Peer {0} said bye", in.from());
                return List.of();
            default:
                LOG.log(Level.FINE, "Ignoring P2P message of type {0}", in.type());
                return List.of();
        }
    }

    private List<PeerMessage> onInit(PeerMessage in, long nowMs) {
        List<PeerMessage> out = new ArrayList<>();
        if (roles.has(Role.RPC) && in.fromRole(Role.DISPATCHER)) {
            out.addAll(shares(nowMs));
        }
        if (roles.has(Role.DISPATCHER) && in.fromRole(Role.RPC)) {
            out.add(message(PeerMessage.HELLO, in.from(), "", nowMs));
        }
        return out;
    }

    private void onShare(PeerMessage in, long nowMs) {
        Shard shard = Shard.fromJson(in.shard());
        if (!shard.instance().equals(in.from())) {
            LOG.log(Level.WARNING, "Ignoring a share from {0} for another instance {1}", new Object[] {
                in.from(), shard.instance()
            });
            return;
        }
        if (routes.merge(shard, nowMs)) {
            LOG.log(Level.INFO, "Peer {0} shared service {1}: {2}", new Object[] {
                in.from(), shard.service(), shard.methods()
            });
        }
    }

    private List<PeerMessage> onHeartbeat(PeerMessage in, long nowMs) {
        boolean known = routes.heard(in.from(), nowMs);
        if (!known && roles.has(Role.DISPATCHER) && in.fromRole(Role.RPC)) {
            return List.of(message(PeerMessage.HELLO, in.from(), "", nowMs));
        }
        return List.of();
    }

    private PeerMessage message(String type, String to, String shard, long nowMs) {
        return new PeerMessage(type, instance, roles.describe(), to, shard, nowMs);
    }
}
