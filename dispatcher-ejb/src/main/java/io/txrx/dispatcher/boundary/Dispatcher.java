package io.txrx.dispatcher.boundary;

import io.opentelemetry.api.trace.Tracer;
import io.txrx.dispatcher.control.CallRouter;
import io.txrx.dispatcher.control.RoutingPlan;
import io.txrx.keys.StreamKeys;
import io.txrx.metrics.LatencyHistogram;
import io.txrx.metrics.Meters;
import io.txrx.p2p.boundary.Routes;
import io.txrx.peer.Role;
import io.txrx.process.InstanceId;
import io.txrx.process.Roles;
import io.txrx.stream.DeadConsumerClaims;
import io.txrx.stream.GroupReader;
import io.txrx.stream.Loop;
import io.txrx.stream.NodePipelines;
import io.txrx.stream.Redis;
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
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The dispatcher loop, when this process has the dispatcher role: batch-reads TX as a member of the group
 * {@code dispatchers}, writes the forwards of a batch in one pipeline and acks them after. Calls it could not
 * route stay pending; they are read again whenever the route table gains a method, every scan interval
 * (which also answers those past their grace), and the pending calls of a dispatcher that stopped reading
 * (killed) are claimed within {@code txrx.dispatcher.claim-idle-ms}. A clean stop ends the loop after the
 * batch at hand is forwarded and acked; what it still held goes to another dispatcher the same way.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@ManagedExecutorDefinition(name = Dispatcher.LOOPS, maxAsync = -1, hungTaskThreshold = -1)
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
    static final String LOOPS = "java:app/concurrent/dispatcher-loops";
    static final String GROUP = "dispatchers";

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    @Inject
    Roles roles;

    @Inject
    InstanceId instance;

    @Inject
    Routes routes;

    @Inject
    @ConfigProperty(name = "txrx.dispatcher.batch")
    int batchSize;

    @Inject
    @ConfigProperty(name = "txrx.dispatcher.block-ms")
    int blockMs;

    @Inject
    @ConfigProperty(name = "txrx.dispatcher.grace-ms")
    long graceMs;

    @Inject
    @ConfigProperty(name = "txrx.dispatcher.pending-scan-ms")
    long pendingScanMs;

    @Inject
    @ConfigProperty(name = "txrx.dispatcher.claim-idle-ms")
    long claimIdleMs;

    @Inject
    @ConfigProperty(name = "txrx.stream.max-len")
    long maxLen;

    // Instance: a dispatcher deployed as an EJB jar alone may have no metrics registry
    @Inject
    Instance<MetricRegistry> metrics;

    @Inject
    Instance<Tracer> tracer;

    @Resource(lookup = LOOPS)
    ManagedExecutorService executor;

    private final Loop loop = new Loop("Dispatcher loop", this::round);
    private GroupReader tx;
    private CallRouter router;
    private DeadConsumerClaims claims;
    private long seenRoutes = -1;
    private long nextScan;

    @PostConstruct
    void start() {
        if (!roles.has(Role.DISPATCHER)) {
            return;
        }
        tx = new GroupReader(redis.client(), keys.tx(), GROUP, instance.value(), batchSize, blockMs);
        tx.ensureGroup();
        LatencyHistogram toDispatcher = new LatencyHistogram();
        Meters meters = metrics.isResolvable() ? Meters.of(metrics.get()) : Meters.none();
        meters.hop("gateway_dispatcher", toDispatcher);
        router = new CallRouter(
                routes,
                keys,
                graceMs,
                toDispatcher,
                tracer.isResolvable() ? CallTracing.of(tracer.get()) : CallTracing.off());
        claims = new DeadConsumerClaims(tx, claimIdleMs);
        loop.start(executor);
        LOG.log(Level.INFO, "Dispatcher {0} reads {1}", new Object[] {instance, keys.tx()});
    }

    @PreDestroy
    void stop() {
        loop.stop();
    }

    /** Whether the dispatcher loop runs (this process has the dispatcher role and has not stopped). */
    public boolean running() {
        return tx != null && loop.running();
    }

    /** Whether the loop's last round failed: Redis is unreachable, most likely. */
    public boolean failing() {
        return loop.failing();
    }

    /** The group this dispatcher reads TX in. */
    public static String group() {
        return GROUP;
    }

    private void round() throws InterruptedException {
        long now = System.currentTimeMillis();
        if (routes.version() != seenRoutes || now >= nextScan) {
            seenRoutes = routes.version();
            reprocessPending();
            nextScan = now + pendingScanMs;
        }
        dispatch(tx.readNew());
        // after a read that worked, so that a round failing on an outage never counts as contact
        claims.claimIfDue(System.currentTimeMillis(), loop::running, this::dispatch);
    }

    private void reprocessPending() {
        StreamEntryID after = new StreamEntryID(0, 0);
        List<StreamEntry> page;
        while (!(page = tx.readPending(after)).isEmpty()) {
            dispatch(page);
            after = page.get(page.size() - 1).getID();
        }
    }

    private void dispatch(List<StreamEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        RoutingPlan plan = router.plan(entries, System.currentTimeMillis());
        if (plan.acks().isEmpty()) {
            return;
        }
        try (NodePipelines pipelines = redis.pipelines()) {
            XAddParams capped = XAddParams.xAddParams().maxLen(maxLen).approximateTrimming();
            plan.appends()
                    .forEach(append -> pipelines.on(append.stream()).xadd(append.stream(), capped, append.fields()));
            pipelines.barrier();
            pipelines.on(tx.stream()).xack(tx.stream(), GROUP, plan.acks().toArray(StreamEntryID[]::new));
            pipelines.sync();
        }
    }
}
