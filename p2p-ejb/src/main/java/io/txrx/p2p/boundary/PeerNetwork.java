package io.txrx.p2p.boundary;

import io.txrx.keys.StreamKeys;
import io.txrx.p2p.control.PeerDirectory;
import io.txrx.p2p.control.PeerProtocol;
import io.txrx.p2p.control.PeerSigner;
import io.txrx.p2p.control.RouteTable;
import io.txrx.peer.PeerMessage;
import io.txrx.peer.Role;
import io.txrx.peer.Shard;
import io.txrx.process.InstanceId;
import io.txrx.process.Roles;
import io.txrx.stream.BusEpoch;
import io.txrx.stream.Loop;
import io.txrx.stream.Redis;
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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * This process as a peer on the P2P stream, when it runs a dispatcher or RPC services: one loop reads every
 * message (plain XREAD, no group), drops unsigned or wrongly signed ones, and sends init on start,
 * heartbeats while alive and bye on shutdown. When Redis answers again after an outage, or has lost its data
 * ({@link BusEpoch}), the peer announces itself again (init and its shares), so every dispatcher rebuilds its
 * routes; peers are not expired for a silence this peer could not hear.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PeerNetwork {
    private static final Logger LOG = Logger.getLogger(PeerNetwork.class.getName());
    private static final long P2P_MAX_LEN = 1000;

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
    PeerDirectory directory;

    @Inject
    @ConfigProperty(name = "txrx.p2p.psk")
    Optional<String> preSharedKey;

    @Inject
    @ConfigProperty(name = "txrx.p2p.max-skew-ms")
    long maxSkewMs;

    @Inject
    @ConfigProperty(name = "txrx.p2p.heartbeat-ms")
    long heartbeatMs;

    @Inject
    @ConfigProperty(name = "txrx.p2p.peer-ttl-ms")
    long peerTtlMs;

    // the default executor: a @ManagedExecutorDefinition in a library jar (these modules sit in
    // handlers.war's WEB-INF/lib) is not registered by Payara Micro, and the lookup fails the deployment
    @Resource
    ManagedExecutorService executor;

    private final List<Shard> localShards = new CopyOnWriteArrayList<>();
    private Loop loop;
    private PeerSigner signer;
    private PeerProtocol protocol;
    private BusEpoch epoch;
    private StreamEntryID last;
    private long nextHeartbeat;
    private boolean left;

    @PostConstruct
    void start() {
        if (!roles.has(Role.DISPATCHER) && !roles.has(Role.RPC)) {
            return;
        }
        loop = new Loop("P2P loop of peer " + instance.value(), this::round);
        signer = new PeerSigner(preSharedKey.orElse(null), maxSkewMs);
        protocol = new PeerProtocol(instance.value(), roles, routes, () -> List.copyOf(localShards));
        epoch = new BusEpoch(redis.client(), keys.epoch());
        epoch.lost();
        last = lastEntry();
        send(protocol.init(System.currentTimeMillis()));
        loop.start(executor);
        LOG.log(Level.INFO, "Peer {0} ({1}) joined {2}", new Object[] {instance, roles.describe(), keys.p2p()});
    }

    @PreDestroy
    void stop() {
        leave();
    }

    /**
     * Stops the loop and says bye, once: the rpc role calls it after it has drained its calls, so that
     * dispatchers keep routing to this instance until then; the shutdown of this bean calls it too.
     */
    public synchronized void leave() {
        if (protocol == null || left) {
            return;
        }
        left = true;
        loop.stop();
        try {
            send(protocol.bye(System.currentTimeMillis()));
        } catch (JedisException e) {
            LOG.log(Level.INFO, "No bye sent (its peers will expire it): {0}", e.getMessage());
        }
    }

    /** Announces a shard served by this process, now and to every dispatcher that asks later. */
    public void announce(Shard shard) {
        localShards.removeIf(s -> s.service().equals(shard.service()));
        localShards.add(shard);
        if (loop != null && loop.running()) {
            protocol.shares(System.currentTimeMillis()).forEach(this::send);
        }
    }

    public String instanceId() {
        return instance.value();
    }

    private void round() {
        long now = System.currentTimeMillis();
        if (loop.failing()) {
            routes.heardAll(now);
            directory.heardAll(now);
            reannounce(now, "Redis answers again");
        } else if (now >= nextHeartbeat && epoch.lost()) {
            reannounce(now, "Redis lost its data");
        }
        if (now >= nextHeartbeat) {
            send(protocol.heartbeat(now));
            int gone = routes.expire(now, peerTtlMs);
            directory.expire(now, peerTtlMs);
            if (gone > 0) {
                LOG.log(Level.INFO, "{0} silent peer(s) expired; routes now {1}", new Object[] {gone, routes.methods()
                });
            }
            nextHeartbeat = now + heartbeatMs;
        }
        var read = redis.client()
                .xread(
                        XReadParams.xReadParams().count(100).block((int) Math.min(heartbeatMs, 1000)),
                        Map.of(keys.p2p(), last));
        if (read == null) {
            return;
        }
        for (var stream : read) {
            for (StreamEntry entry : stream.getValue()) {
                last = entry.getID();
                handle(entry);
            }
        }
    }

    private void reannounce(long now, String why) {
        send(protocol.init(now));
        protocol.shares(now).forEach(this::send);
        LOG.log(Level.INFO, "{0}: peer {1} announced itself again", new Object[] {why, instance});
    }

    private void handle(StreamEntry entry) {
        PeerMessage message;
        try {
            message = PeerMessage.fromFields(entry.getFields());
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignoring malformed P2P entry {0}: {1}", new Object[] {entry.getID(), e.getMessage()
            });
            return;
        }
        long now = System.currentTimeMillis();
        if (!signer.verify(message, entry.getFields().get("sig"), now)) {
            LOG.log(
                    Level.WARNING,
                    "Ignoring unsigned, wrongly signed or stale P2P {0} from {1} (entry {2})",
                    new Object[] {message.type(), message.from(), entry.getID()});
            return;
        }
        if (message.type().equals(PeerMessage.BYE)) {
            directory.drop(message.from());
        } else {
            directory.heard(message.from(), message.role(), now);
        }
        try {
            protocol.receive(message, now).forEach(this::send);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignoring P2P {0} from {1}: {2}", new Object[] {
                message.type(), message.from(), e.getMessage()
            });
        }
    }

    private void send(PeerMessage message) {
        redis.client()
                .xadd(keys.p2p(), XAddParams.xAddParams().maxLen(P2P_MAX_LEN), message.toFields(signer.sign(message)));
    }

    private StreamEntryID lastEntry() {
        var newest = redis.client().xrevrange(keys.p2p(), "+", "-", 1);
        return newest.isEmpty() ? new StreamEntryID(0, 0) : newest.get(0).getID();
    }
}
