package io.txrx.gateway.boundary;

import io.opentelemetry.api.trace.Tracer;
import io.txrx.gateway.control.FrameAdmission;
import io.txrx.gateway.control.GatewayMeter;
import io.txrx.gateway.control.PendingCalls;
import io.txrx.gateway.control.ReplyDelivery;
import io.txrx.gateway.control.RxReader;
import io.txrx.gateway.control.SignOutDelivery;
import io.txrx.gateway.control.SignOutReader;
import io.txrx.gateway.control.Socket;
import io.txrx.gateway.control.SocketRegistry;
import io.txrx.gateway.control.Sockets;
import io.txrx.gateway.presence.boundary.PresenceMethods;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.Frame;
import io.txrx.jsonrpc.FrameParser;
import io.txrx.jsonrpc.Replies;
import io.txrx.keys.StreamKeys;
import io.txrx.metrics.Meters;
import io.txrx.process.InstanceId;
import io.txrx.rates.RateBuckets;
import io.txrx.rates.RateFlusher;
import io.txrx.stream.BusEpoch;
import io.txrx.stream.Redis;
import io.txrx.stream.StreamWriter;
import io.txrx.tracing.CallTracing;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.util.Collection;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * This process as a gateway: the registry of open sockets, and for each frame of each socket its admission
 * ({@link FrameAdmission}), then its forwarding ({@link CallForwarder}) through the pipelined writer to TX;
 * the replies come back through the {@link RxReader}, sign-outs from elsewhere through the
 * {@link SignOutReader}. Every frame passes through here, so it is a CDI bean,
 * not an EJB; {@link GatewayStartup} starts it.
 */
@ApplicationScoped
public class Gateway {
    private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

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
    @ConfigProperty(name = "txrx.gateway.send-queue-frames")
    int sendQueueFrames;

    @Inject
    @ConfigProperty(name = "txrx.gateway.send-queue-bytes")
    long sendQueueBytes;

    @Inject
    @ConfigProperty(name = "txrx.gateway.max-sockets")
    int maxSockets;

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

    @Inject
    PresenceMethods presence;

    @Inject
    MetricRegistry metrics;

    @Inject
    Tracer tracer;

    private final SocketRegistry sockets = new SocketRegistry();
    private final PendingCalls pending = new PendingCalls();
    private volatile boolean accepting;
    private FrameAdmission admission;
    private CallForwarder forwarder;
    private StreamWriter tx;
    private RxReader rx;
    private SignOutReader signOuts;
    private RateFlusher rates;
    private GatewayMeter meter;

    /** Started by {@link GatewayStartup} when this process has the gateway role. */
    void start(ManagedExecutorService executor) {
        meter = new GatewayMeter(Meters.of(metrics), sockets::size, () -> sockets.all().stream()
                .mapToInt(socket -> socket.subscriptions().size())
                .sum());
        admission = new FrameAdmission(
                meter, maxFrameBytes, maxInvalidFrames, ratePerSecond, rateBurst, sendQueueFrames, sendQueueBytes);
        tx = new StreamWriter("TX writer", redis, batchSize);
        forwarder = new CallForwarder(
                localMethods.stream().toList(),
                tx,
                keys.tx(),
                instance.value(),
                pending,
                maxLen,
                () -> rx.failing() || tx.failing(),
                meter,
                CallTracing.of(tracer));
        String rxKey = keys.rx(instance.value());
        rx = new RxReader(
                redis.client(),
                rxKey,
                new BusEpoch(redis.client(), keys.epoch()),
                new ReplyDelivery(sockets, pending, callTimeoutMs, forwarder::signedOut, meter),
                batchSize,
                rxTtlSeconds);
        signOuts = new SignOutReader(
                redis.client(), keys.signOuts(), new SignOutDelivery(sockets, instance.value(), forwarder::signedOut));
        rates = new RateFlusher(meter.tally(), new RateBuckets(redis, keys));
        tx.start(executor);
        rx.start(executor);
        signOuts.start(executor);
        presence.start(executor, instance.value(), sockets);
        rates.start(executor);
        accepting = true;
        LOG.log(Level.INFO, "Gateway {0} writes {1}, reads {2} and {3}", new Object[] {
            instance, keys.tx(), rxKey, keys.signOuts()
        });
    }

    void stop() {
        accepting = false;
        sockets.all().forEach(s -> Sockets.close(s.session(), CloseCodes.GOING_AWAY, "Gateway shutting down"));
        signOuts.stop();
        presence.stop();
        rx.stop();
        tx.stop();
        rates.stop();
    }

    /** Whether this process runs the gateway role and its RX reader loop has been started and not stopped. */
    public boolean rxRunning() {
        return accepting && rx != null && rx.running();
    }

    /** Whether the RX reader's last round failed (Redis unreachable, most likely). */
    public boolean rxFailing() {
        return rx != null && rx.failing();
    }

    /** The open sockets, e.g. to push to every socket of one user. */
    public Collection<Socket> sockets() {
        return sockets.all();
    }

    public void open(Session session) {
        if (!accepting) {
            Sockets.close(session, CloseCodes.TRY_AGAIN_LATER, "This process does not run the gateway role");
            return;
        }
        if (!sockets.add(admission.open(session, System.currentTimeMillis()), maxSockets)) {
            LOG.log(Level.FINE, "Refusing socket {0}: {1} sockets open", new Object[] {session.getId(), maxSockets});
            meter.refused(GatewayMeter.Refusal.GATEWAY_FULL);
            Sockets.close(session, CloseCodes.TRY_AGAIN_LATER, "Gateway full: " + maxSockets + " sockets open");
        }
    }

    public void closed(Session session) {
        Socket socket = sockets.remove(session.getId());
        if (socket != null) {
            forwarder.closed(socket);
        }
    }

    public void receive(Session session, String text) {
        Socket socket = sockets.get(session.getId());
        if (socket == null) {
            return; // closed, or refused at open
        }
        meter.frameIn();
        if (admission.tooBig(text)) {
            closeTooBig(session);
            return;
        }
        Frame frame = FrameParser.parse(text);
        if (admission.tooManyInvalid(socket, frame)) {
            meter.refused(GatewayMeter.Refusal.INVALID_FRAMES);
            Sockets.close(session, CloseCodes.VIOLATED_POLICY, "Too many invalid frames in a row");
            return;
        }
        if (!admission.withinRate(socket, frame, System.currentTimeMillis())) {
            admission.refuseOverRate(socket, frame);
            return;
        }
        forwarder.forward(socket, frame);
    }

    public void refuseBinary(Session session) {
        Socket socket = sockets.get(session.getId());
        if (socket != null) {
            meter.frameIn();
            meter.refused(GatewayMeter.Refusal.BINARY);
            meter.answered(null, ErrorCode.INVALID_REQUEST);
            socket.send(Replies.error(
                    null,
                    ErrorCode.INVALID_REQUEST,
                    "Binary frames are not supported: send JSON-RPC 2.0 as UTF-8 text frames",
                    null));
        }
    }

    /** The limit on a frame's UTF-8 size, which the edge enforces before the container reads a frame. */
    public int maxFrameBytes() {
        return maxFrameBytes;
    }

    /** Closes with 1009 a socket that sent a frame over the limit, counted as refused. */
    public void closeTooBig(Session session) {
        if (meter != null) {
            meter.refused(GatewayMeter.Refusal.TOO_BIG);
        }
        Sockets.close(session, CloseCodes.TOO_BIG, tooBigReason());
    }

    /** The reason of the 1009 close of a socket that sent a frame over the limit. */
    public String tooBigReason() {
        return "Frame larger than " + maxFrameBytes + " bytes";
    }
}
