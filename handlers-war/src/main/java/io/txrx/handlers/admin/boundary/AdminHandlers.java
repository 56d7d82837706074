package io.txrx.handlers.admin.boundary;

import io.txrx.handlers.admin.control.ClusterView;
import io.txrx.inspect.BusInspector;
import io.txrx.inspect.BusInspector.PendingCall;
import io.txrx.inspect.BusInspector.Stream;
import io.txrx.keys.StreamKeys;
import io.txrx.p2p.control.PeerDirectory;
import io.txrx.p2p.control.RouteTable;
import io.txrx.rates.RateBuckets;
import io.txrx.rates.RateBuckets.MethodRate;
import io.txrx.rpc.boundary.RpcMethod;
import io.txrx.stream.Redis;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;

/** The {@code admin} service: what the bus holds right now, for the admin role only. */
@ApplicationScoped
@RolesAllowed("admin")
public class AdminHandlers {
    private static final int DEFAULT_PENDING = 20;

    /** Every txrx stream; {@code at} is when it was read (epoch ms). */
    public record Streams(long at, List<Stream> streams) {}

    /** The oldest pending calls, oldest first; {@code at} is when they were read (epoch ms). */
    public record Pending(long at, List<PendingCall> calls) {}

    /**
     * Calls and errors over the {@code windowS} whole seconds before {@code at}, in total and per method (most
     * called first), as every gateway answered them.
     */
    public record Rates(
            long at,
            int windowS,
            long calls,
            long errors,
            double callsPerSecond,
            double errorsPerSecond,
            List<MethodRate> methods) {}

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    @Inject
    PeerDirectory directory;

    @Inject
    RouteTable routes;

    /**
     * The peers by role with instance id and last heartbeat, the gateways (by their RX streams) and the
     * shards with their methods and instances, as this instance's P2P peer knows them.
     */
    @RpcMethod("admin.cluster")
    public ClusterView.Cluster cluster() {
        return ClusterView.of(directory, routes, bus().gateways(), System.currentTimeMillis());
    }

    /** Every stream under the prefix: length, first and last id, groups with consumers, pending, lag, idle. */
    @RpcMethod("admin.streams")
    public Streams streams() {
        return new Streams(System.currentTimeMillis(), bus().streams());
    }

    /** Calls/s and errors/s over the last minute, per method, summed over every gateway. */
    @RpcMethod("admin.rates")
    public Rates rates() {
        long now = System.currentTimeMillis();
        List<MethodRate> methods = new RateBuckets(redis, keys).lastMinute(now);
        long calls = methods.stream().mapToLong(MethodRate::calls).sum();
        long errors = methods.stream().mapToLong(MethodRate::errors).sum();
        return new Rates(
                now,
                RateBuckets.WINDOW_SECONDS,
                calls,
                errors,
                RateBuckets.perSecond(calls),
                RateBuckets.perSecond(errors),
                methods);
    }

    /** The {@code limit} (default 20) oldest calls pending on TX and the service streams, with age and method. */
    @RpcMethod("admin.pending")
    public Pending pending(@Min(1) @Max(100) Integer limit) {
        long now = System.currentTimeMillis();
        return new Pending(now, bus().pending(limit == null ? DEFAULT_PENDING : limit, now));
    }

    private BusInspector bus() {
        return new BusInspector(redis, keys);
    }
}
