package io.txrx.gateway.boundary;

import io.txrx.gateway.control.BatchReply;
import io.txrx.gateway.control.FrameSize;
import io.txrx.gateway.control.PendingCalls;
import io.txrx.gateway.control.RateLimit;
import io.txrx.gateway.control.ReplyDelivery;
import io.txrx.gateway.control.Sockets;
import io.txrx.jsonrpc.Call;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.Frame;
import io.txrx.jsonrpc.FrameParser;
import io.txrx.jsonrpc.Rejection;
import io.txrx.jsonrpc.Replies;
import io.txrx.peer.InstanceId;
import io.txrx.peer.Role;
import io.txrx.peer.Roles;
import io.txrx.stream.Fields;
import io.txrx.stream.Loops;
import io.txrx.stream.Redis;
import io.txrx.stream.StreamKeys;
import io.txrx.stream.StreamWriter;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * This process as a gateway: the open sockets, the calls they wait on, the pipelined writer to TX and the
 * loop that reads this gateway's RX stream. RX has exactly one reader (this gateway, whose id is new each
 * start), so it is read with plain XREAD, trimmed on write, and left to expire if the gateway dies.
 */
@ApplicationScoped
public class Gateway {
    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());
    private static final String INVALID_FRAMES = "txrx.invalidFrames";
    private static final String RATE_LIMIT = "txrx.rateLimit";
    private static final long SWEEP_MS = 1000;

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    @Inject
    Roles roles;

    @Inject
    InstanceId instance;

    @Inject
    @ConfigProperty(name = "txrx.gateway.max-frame-bytes")
    int maxFrameBytes;

    @Inject
    @ConfigProperty(name = "txrx.gateway.max-invalid-frames")
    int maxInvalidFrames;

    @Inject
    @ConfigProperty(name = "txrx.gateway.rate-per-second")
    int ratePerSecond;

    @Inject
    @ConfigProperty(name = "txrx.gateway.rate-burst")
    int rateBurst;

    @Inject
    @ConfigProperty(name = "txrx.gateway.call-timeout-ms")
    long callTimeoutMs;

    @Inject
    @ConfigProperty(name = "txrx.gateway.batch")
    int batchSize;

    @Inject
    @ConfigProperty(name = "txrx.gateway.rx-ttl-s")
    long rxTtlSeconds;

    @Inject
    @ConfigProperty(name = "txrx.stream.max-len")
    long maxLen;

    @Inject
    @Any
    Instance<LocalMethods> localMethods;

    @Resource
    ManagedExecutorService executor;

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final PendingCalls pending = new PendingCalls();
    private ReplyDelivery delivery;
    private List<LocalMethods> local = List.of();
    private StreamWriter tx;
    private String rx;
    private volatile boolean running;
    private Future<?> rxLoop;

    /** Starts with the module: every frame of every socket goes through here, so no EJB container in between. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        if (running || !roles.has(Role.GATEWAY)) {
            return; // Payara may fire @Initialized twice for a WAR inside an EAR (WELD-000718)
        }
        local = localMethods.stream().toList();
        rx = keys.rx(instance.value());
        delivery = new ReplyDelivery(sessions, pending, callTimeoutMs);
        tx = new StreamWriter(redis.client(), batchSize);
        tx.start(executor);
        running = true;
        rxLoop = executor.submit(this::readReplies);
        LOG.log(Level.INFO, "Gateway {0} writes {1}, reads {2}", new Object[] {instance, keys.tx(), rx});
    }

    @PreDestroy
    void stop() {
        if (!running) {
            return;
        }
        running = false;
        sessions.values().forEach(s -> close(s, CloseCodes.GOING_AWAY, "Gateway shutting down"));
        Loops.join(rxLoop, "RX loop");
        tx.stop();
        redis.client().del(rx);
    }

    public void open(Session session) {
        if (!running) {
            close(session, CloseCodes.TRY_AGAIN_LATER, "This process does not run the gateway role");
            return;
        }
        session.setMaxTextMessageBufferSize(maxFrameBytes);
        session.getUserProperties().put(INVALID_FRAMES, new AtomicInteger());
        session.getUserProperties()
                .put(RATE_LIMIT, new RateLimit(ratePerSecond, rateBurst, System.currentTimeMillis()));
        sessions.put(session.getId(), session);
    }

    public void closed(Session session) {
        sessions.remove(session.getId());
        pending.forget(session.getId());
        local.forEach(methods -> methods.closed(session));
    }

    public void receive(Session session, String text) {
        if (FrameSize.exceeds(text, maxFrameBytes)) {
            close(session, CloseCodes.TOO_BIG, "Frame larger than " + maxFrameBytes + " bytes");
            return;
        }
        Frame frame = FrameParser.parse(text);
        if (tooManyInvalid(session, frame)) {
            close(session, CloseCodes.VIOLATED_POLICY, "Too many invalid frames in a row");
            return;
        }
        RateLimit limit = (RateLimit) session.getUserProperties().get(RATE_LIMIT);
        if (!frame.calls().isEmpty() && !limit.tryTake(frame.calls().size(), System.currentTimeMillis())) {
            refuseOverRate(session, frame);
            return;
        }
        int expected = frame.expectedReplies();
        BatchReply batch = frame.batch() && expected > 0 ? new BatchReply(expected) : null;
        for (Object entry : frame.entries()) {
            if (entry instanceof Call call) {
                forward(session, call, batch);
            } else {
                ReplyDelivery.answer(session, batch, ((Rejection) entry).reply());
            }
        }
    }

    private void refuseOverRate(Session session, Frame frame) {
        String message = "Rate limit exceeded: at most " + ratePerSecond + " calls a second";
        var replies = frame.calls().stream()
                .filter(c -> !c.isNotification())
                .map(c -> Replies.error(c.id(), ErrorCode.RATE_LIMITED, message, null))
                .toList();
        if (replies.isEmpty()) {
            return;
        }
        Sockets.send(session, frame.batch() ? "[" + String.join(",", replies) + "]" : replies.get(0));
    }

    public void refuseBinary(Session session) {
        Sockets.send(
                session,
                Replies.error(
                        null,
                        ErrorCode.INVALID_REQUEST,
                        "Binary frames are not supported: send JSON-RPC 2.0 as UTF-8 text frames",
                        null));
    }

    private void forward(Session session, Call call, BatchReply batch) {
        for (LocalMethods methods : local) {
            if (methods.handles(call.method())) {
                String reply = methods.call(session, call);
                if (reply != null) {
                    ReplyDelivery.answer(session, batch, reply);
                }
                return;
            }
        }
        long now = System.currentTimeMillis();
        Map<String, String> fields = new HashMap<>(8);
        fields.put(Fields.GATEWAY, instance.value());
        fields.put(Fields.SESSION, session.getId());
        fields.put(Fields.METHOD, call.method());
        fields.put(Fields.MESSAGE, call.json());
        fields.put(Fields.TIMESTAMP, Long.toString(now));
        if (!call.isNotification()) {
            fields.put(
                    Fields.CALL,
                    pending.add(session.getId(), batch, now, call.id().toString()));
        }
        Object caller = session.getUserProperties().get(ReplyDelivery.CALLER_JSON);
        if (caller != null) {
            fields.put(Fields.USER, (String) caller);
        }
        tx.append(keys.tx(), fields, maxLen);
    }

    private boolean tooManyInvalid(Session session, Frame frame) {
        AtomicInteger invalid = (AtomicInteger) session.getUserProperties().get(INVALID_FRAMES);
        if (!frame.calls().isEmpty()) {
            invalid.set(0);
            return false;
        }
        return invalid.incrementAndGet() > maxInvalidFrames;
    }

    private void readReplies() {
        StreamEntryID last = new StreamEntryID(0, 0);
        long nextSweep = 0;
        long nextTtl = 0;
        while (running) {
            try {
                long now = System.currentTimeMillis();
                if (now >= nextSweep) {
                    delivery.timeOutOldCalls(now);
                    nextSweep = now + SWEEP_MS;
                }
                if (now >= nextTtl) {
                    redis.client().expire(rx, rxTtlSeconds);
                    nextTtl = now + rxTtlSeconds * 1000 / 4;
                }
                var read = redis.client()
                        .xread(XReadParams.xReadParams().count(batchSize).block(500), Map.of(rx, last));
                if (read == null) {
                    continue;
                }
                for (StreamEntry entry : read.get(0).getValue()) {
                    last = entry.getID();
                    delivery.deliver(entry.getFields());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "RX loop failed, going on: {0}", e.toString());
                Loops.pauseAfterFailure();
            }
        }
    }

    private static void close(Session session, CloseCodes code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing a socket failed: {0}", e.getMessage());
        }
    }
}
