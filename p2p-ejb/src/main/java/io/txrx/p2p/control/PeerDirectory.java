package io.txrx.p2p.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Every peer this peer has heard on the P2P stream (dispatchers and rpc instances, itself included), with
 * its roles, when it was first heard and when last: what {@code admin.cluster} shows. A bye removes a peer;
 * one silent for longer than the peer TTL is forgotten, as the route table forgets its shards.
 */
@ApplicationScoped
public class PeerDirectory {

    /** One peer: {@code roles} as it announces them (a comma list). */
    public record Peer(String instance, String roles, long firstHeardMs, long lastHeardMs) {}

    private final Map<String, Peer> peers = new HashMap<>();

    public synchronized void heard(String instance, String roles, long nowMs) {
        Peer known = peers.get(instance);
        peers.put(instance, new Peer(instance, roles, known == null ? nowMs : known.firstHeardMs(), nowMs));
    }

    public synchronized void drop(String instance) {
        peers.remove(instance);
    }

    /** Counts every known peer as heard now: after this peer could not read P2P, their silence says nothing. */
    public synchronized void heardAll(long nowMs) {
        peers.replaceAll((instance, peer) -> new Peer(instance, peer.roles(), peer.firstHeardMs(), nowMs));
    }

    public synchronized void expire(long nowMs, long ttlMs) {
        peers.values().removeIf(peer -> nowMs - peer.lastHeardMs() > ttlMs);
    }

    /** The peers, sorted by instance id. */
    public synchronized List<Peer> peers() {
        return peers.values().stream()
                .sorted(Comparator.comparing(Peer::instance))
                .toList();
    }
}
