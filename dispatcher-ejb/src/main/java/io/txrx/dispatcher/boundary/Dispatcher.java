package io.txrx.dispatcher.boundary;

import io.txrx.dispatcher.control.CallRouter;
import io.txrx.dispatcher.control.RoutingPlan;
import io.txrx.p2p.control.RouteTable;
import io.txrx.peer.InstanceId;
import io.txrx.peer.Role;
import io.txrx.peer.Roles;
import io.txrx.stream.GroupReader;
import io.txrx.stream.Loops;
import io.txrx.stream.Redis;
import io.txrx.stream.StreamKeys;
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
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.Future;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The dispatcher loop, when this process has the dispatcher role: batch-reads TX as a member of the group
 * {@code dispatchers}, writes the forwards of a batch in one pipeline and acks them after. Calls it could not
 * route stay pending; they are read again whenever the route table gains a method, every scan interval
 * (which also answers those past their grace), and pending calls of a dead dispatcher are claimed.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class Dispatcher {
    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
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
    RouteTable routes;

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

    @Resource
    ManagedExecutorService executor;

    private GroupReader tx;
    private CallRouter router;
    private volatile boolean running;
    private Future<?> loop;

    @PostConstruct
    void start() {
        if (!roles.has(Role.DISPATCHER)) {
            return;
        }
        tx = new GroupReader(redis.client(), keys.tx(), GROUP, instance.value(), batchSize, blockMs);
        tx.ensureGroup();
        router = new CallRouter(routes, keys, graceMs);
        running = true;
        loop = executor.submit(this::run);
        LOG.log(Level.INFO, "Dispatcher {0} reads {1}", new Object[] {instance, keys.tx()});
    }

    @PreDestroy
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        Loops.join(loop, "Dispatcher loop");
    }

    private void run() {
        long seenRoutes = -1;
        long nextScan = 0;
        long nextClaim = System.currentTimeMillis() + claimIdleMs;
        while (running) {
            try {
                long now = System.currentTimeMillis();
                if (routes.version() != seenRoutes || now >= nextScan) {
                    seenRoutes = routes.version();
                    reprocessPending();
                    nextScan = now + pendingScanMs;
                }
                if (now >= nextClaim) {
                    claimFromDeadDispatchers();
                    nextClaim = now + claimIdleMs / 2;
                }
                dispatch(tx.readNew());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Dispatcher loop failed, going on: {0}", e.toString());
                Loops.pauseAfterFailure();
            }
        }
    }

    private void reprocessPending() {
        StreamEntryID after = new StreamEntryID(0, 0);
        List<StreamEntry> page;
        while (!(page = tx.readPending(after)).isEmpty()) {
            dispatch(page);
            after = page.get(page.size() - 1).getID();
        }
    }

    private void claimFromDeadDispatchers() {
        StreamEntryID cursor = new StreamEntryID(0, 0);
        do {
            var claimed = tx.claim(claimIdleMs, cursor);
            if (!claimed.getValue().isEmpty()) {
                LOG.log(
                        Level.INFO,
                        "Claimed {0} pending call(s) from silent dispatchers",
                        claimed.getValue().size());
                dispatch(claimed.getValue());
            }
            cursor = claimed.getKey();
        } while (!cursor.equals(new StreamEntryID(0, 0)));
    }

    private void dispatch(List<StreamEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        RoutingPlan plan = router.plan(entries, System.currentTimeMillis());
        if (plan.acks().isEmpty()) {
            return;
        }
        try (Pipeline pipeline = redis.client().pipelined()) {
            XAddParams capped = XAddParams.xAddParams().maxLen(maxLen).approximateTrimming();
            plan.appends().forEach(append -> pipeline.xadd(append.stream(), capped, append.fields()));
            pipeline.xack(tx.stream(), GROUP, plan.acks().toArray(StreamEntryID[]::new));
            pipeline.sync();
        }
    }
}
