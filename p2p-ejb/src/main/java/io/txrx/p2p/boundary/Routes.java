package io.txrx.p2p.boundary;

import java.util.Map;
import java.util.Optional;

/**
 * Where calls go, as the P2P network has learnt it from the shards of live RPC instances: what the other
 * roles read of the route table (dispatchers route with it, {@code system.methods} lists it). Inject it as
 * {@code @Inject Routes routes;}.
 */
public interface Routes {

    /** The service stream of {@code method}, while any live instance serves it. */
    Optional<String> streamFor(String method);

    /** Every routable method with the service that handles it, sorted by method. */
    Map<String, String> methods();

    /** Grows whenever a method becomes routable that was not, so a dispatcher knows to retry held calls. */
    long version();

    /**
     * Since when (epoch ms) this table could hold every route: the moment this peer last asked the network
     * for its shards (its {@code init}, at start and again after Redis lost the P2P state). Before that, and
     * until the peers have had time to answer, a missing route says nothing; {@link Long#MAX_VALUE} while
     * this peer has not asked yet.
     */
    long knownSince();
}
