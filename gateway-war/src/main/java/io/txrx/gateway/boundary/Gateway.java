package io.txrx.gateway.boundary;

import io.txrx.gateway.control.FrameAdmission;
import io.txrx.gateway.control.PendingCalls;
import io.txrx.gateway.control.ReplyDelivery;
import io.txrx.gateway.control.RxReader;
import io.txrx.gateway.control.Socket;
import io.txrx.gateway.control.SocketRegistry;
import io.txrx.gateway.control.Sockets;
import io.txrx.gateway.presence.boundary.PresenceMethods;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.Frame;
import io.txrx.jsonrpc.FrameParser;
import io.txrx.jsonrpc.Replies;
import io.txrx.keys.StreamKeys;
import io.txrx.process.InstanceId;
import io.txrx.stream.BusEpoch;
import io.txrx.stream.Redis;
import io.txrx.stream.StreamWriter;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.CloseReason.CloseCodes;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * This process as a gateway: the registry of open sockets, and for each frame of each socket its admission
 * ({@link FrameAdmission}), then its forwarding ({@link CallForwarder}) through the pipelined writer to TX;
 * the replies come back through the {@link RxReader}. Every frame passes through here, so it is a CDI bean,
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

    private final SocketRegistry sockets = new SocketRegistry();
    private final PendingCalls pending = new PendingCalls();
    private volatile boolean accepting;
    private FrameAdmission admission;
    private CallForwarder forwarder;
    private StreamWriter tx;
    private RxReader rx;

    /** Started by {@link GatewayStartup} when this process has the gateway role. */
    void start(ManagedExecutorService executor) {
        admission = new FrameAdmission(maxFrameBytes, maxInvalidFrames, ratePerSecond, rateBurst);
        tx = new StreamWriter("TX writer", redis.client(), batchSize);
        String rxKey = keys.rx(instance.value());
        rx = new RxReader(
                redis.client(),
                rxKey,
                new BusEpoch(redis.client(), keys.epoch()),
                new ReplyDelivery(sockets, pending, callTimeoutMs),
                batchSize,
                rxTtlSeconds);
        forwarder = new CallForwarder(
                localMethods.stream().toList(),
                tx,
                keys.tx(),
                instance.value(),
                pending,
                maxLen,
                () -> rx.failing() || tx.failing());
        tx.start(executor);
        rx.start(executor);
        presence.start(executor, instance.value(), sockets);
        accepting = true;
        LOG.log(Level.INFO, "Gateway {0} writes {1}, reads {2}", new Object[] {instance, keys.tx(), rxKey});
    }

    void stop() {
        accepting = false;
        sockets.all().forEach(s -> close(s.session(), CloseCodes.GOING_AWAY, "Gateway shutting down"));
        presence.stop();
        rx.stop();
        tx.stop();
    }

    public void open(Session session) {
        if (!accepting) {
            close(session, CloseCodes.TRY_AGAIN_LATER, "This process does not run the gateway role");
            return;
        }
        sockets.add(admission.open(session, System.currentTimeMillis()));
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
        if (admission.tooBig(text)) {
            close(session, CloseCodes.TOO_BIG, "Frame larger than " + admission.maxFrameBytes() + " bytes");
            return;
        }
        Frame frame = FrameParser.parse(text);
        if (admission.tooManyInvalid(socket, frame)) {
            close(session, CloseCodes.VIOLATED_POLICY, "Too many invalid frames in a row");
            return;
        }
        if (!admission.withinRate(socket, frame, System.currentTimeMillis())) {
            admission.refuseOverRate(socket, frame);
            return;
        }
        forwarder.forward(socket, frame);
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

    private static void close(Session session, CloseCodes code, String reason) {
        try {
            session.close(new CloseReason(code, reason));
        } catch (IOException e) {
            LOG.log(Level.FINE, "Closing a socket failed: {0}", e.getMessage());
        }
    }
}
