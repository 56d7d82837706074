package io.txrx.rpc.boundary;

import io.opentelemetry.api.trace.Tracer;
import io.txrx.keys.StreamKeys;
import io.txrx.metrics.LatencyHistogram;
import io.txrx.metrics.Meters;
import io.txrx.p2p.boundary.PeerNetwork;
import io.txrx.p2p.control.PeerDirectory;
import io.txrx.p2p.control.RouteTable;
import io.txrx.peer.Role;
import io.txrx.peer.Shard;
import io.txrx.process.InstanceId;
import io.txrx.process.Roles;
import io.txrx.rpc.control.BusGauges;
import io.txrx.rpc.control.CallExecutor;
import io.txrx.rpc.control.HandlerRegistry;
import io.txrx.rpc.control.HandlerScanner;
import io.txrx.rpc.control.ServiceReader;
import io.txrx.stream.GroupReader;
import io.txrx.stream.Redis;
import io.txrx.stream.StreamWriter;
import io.txrx.tracing.CallTracing;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Serves the handlers of a web module when this process has the rpc role: one {@link ServiceReader} per
 * service with {@code txrx.rpc.workers} worker loops, one pipelined writer for all replies, and each service's
 * shard announced to the peers. A handler
 * module calls {@link #serve(BeanManager)} once, from a {@code @Singleton @Startup} bean of its own (see
 * handlers-war's HandlerBootstrap).
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class RpcServer {
    private static final Logger LOG = Logger.getLogger(RpcServer.class.getName());
    private static final Duration DRAIN = Duration.ofSeconds(5);
    /** The dispatchers' group on TX (the dispatcher's own constant, which this module cannot see). */
    private static final String DISPATCHERS = "dispatchers";

    private static final Duration REDIS_DOWN_DRAIN = Duration.ofMillis(500);

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    @Inject
    Roles roles;

    @Inject
    InstanceId instance;

    @Inject
    HandlerRegistry handlers;

    @Inject
    PeerNetwork peers;

    @Inject
    Validator validator;

    @Inject
    MetricRegistry metrics;

    @Inject
    Tracer tracer;

    @Inject
    PeerDirectory directory;

    @Inject
    RouteTable routeTable;

    @Inject
    @ConfigProperty(name = "txrx.rpc.batch")
    int batchSize;

    @Inject
    @ConfigProperty(name = "txrx.rpc.block-ms")
    int blockMs;

    @Inject
    @ConfigProperty(name = "txrx.rpc.claim-idle-ms")
    long claimIdleMs;

    @Inject
    @ConfigProperty(name = "txrx.rpc.workers")
    int workers;

    @Inject
    @ConfigProperty(name = "txrx.stream.rx-max-len")
    long rxMaxLen;

    // the default executor: a @ManagedExecutorDefinition in a library jar (these modules sit in
    // handlers.war's WEB-INF/lib) is not registered by Payara Micro, and the lookup fails the deployment
    @Resource
    ManagedExecutorService executor;

    private final Map<String, ServiceReader> readers = new ConcurrentHashMap<>();
    private Jsonb jsonb;
    private StreamWriter replies;
    private final LatencyHistogram toRpc = new LatencyHistogram();
    private final LatencyHistogram handlerRuns = new LatencyHistogram();
    private BusGauges bus;
    private CallTracing tracing = CallTracing.off();

    @PostConstruct
    void start() {
        if (!roles.has(Role.RPC)) {
            return;
        }
        jsonb = JsonbBuilder.create();
        Meters meters = Meters.of(metrics);
        meters.hop("dispatcher_rpc", toRpc);
        meters.hop("handler", handlerRuns);
        for (Role role : List.of(Role.DISPATCHER, Role.RPC)) {
            String name = role.id();
            meters.gauge(
                    "txrx_p2p_peers",
                    "P2P peers this rpc instance has heard within the peer TTL, itself included, by role",
                    () -> directory.peers().stream()
                            .filter(peer -> List.of(peer.roles().split(",")).contains(name))
                            .count(),
                    new Tag("role", name));
        }
        meters.gauge("txrx_routes", "Methods in the route table (routable now)", () -> routeTable
                .methods()
                .size());
        bus = new BusGauges(redis, meters);
        tracing = CallTracing.of(tracer);
        bus.register(keys.tx(), DISPATCHERS);
        replies = new StreamWriter("Reply writer", redis, batchSize);
        replies.start(executor);
    }

    /**
     * A clean stop drains: every reader stops taking calls, the workers answer the calls already taken, the
     * writer writes (and acks) every reply, and only then does this instance say bye to the peers.
     */
    @PreDestroy
    void stop() {
        if (replies == null) {
            return;
        }
        readers.values().forEach(ServiceReader::stopReading);
        // with Redis unreachable no reply could be written: waiting for the calls would only delay the stop
        ServiceReader.drainAll(readers.values(), redisDown() ? REDIS_DOWN_DRAIN : DRAIN);
        replies.stop();
        try {
            peers.leave();
        } catch (RuntimeException e) {
            // the peer bean may be destroyed before this one; it said bye itself then
            LOG.log(Level.FINE, "Peer network already gone at stop: {0}", e.toString());
        }
    }

    private boolean redisDown() {
        return replies.failing() || readers.values().stream().anyMatch(ServiceReader::failing);
    }

    /** Registers the handlers the bean manager sees, starts a reader per new service and announces it. */
    public synchronized void serve(BeanManager beanManager) {
        if (!roles.has(Role.RPC)) {
            LOG.info("rpc role is off: handlers are not served by this process");
            return;
        }
        HandlerScanner.scan(beanManager, jsonb, validator).forEach(handlers::register);
        CallExecutor calls = new CallExecutor(handlers);
        for (String service : handlers.services()) {
            if (readers.containsKey(service)) {
                continue;
            }
            GroupReader stream =
                    new GroupReader(redis.client(), keys.rpc(service), service, instance.value(), batchSize, blockMs);
            stream.ensureGroup();
            ServiceReader reader = new ServiceReader(
                    stream, calls, replies, keys, claimIdleMs, rxMaxLen, workers, blockMs, toRpc, handlerRuns, tracing);
            readers.put(service, reader);
            bus.register(stream.stream(), service);
            reader.start(executor);
            List<String> methods = handlers.methods(service);
            peers.announce(new Shard(
                    service, stream.stream(), methods, peers.instanceId(), Integer.toHexString(methods.hashCode())));
            LOG.log(Level.INFO, "Serving {0} from {1}: {2}", new Object[] {service, stream.stream(), methods});
        }
    }
}
