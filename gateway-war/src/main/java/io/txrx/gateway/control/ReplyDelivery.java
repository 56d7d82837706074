package io.txrx.gateway.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.Replies;
import io.txrx.keys.Fields;
import io.txrx.tracing.CallTracing;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands what arrives on a gateway's RX stream to its sockets: a reply to the socket whose call is still
 * pending (a second reply to the same call is dropped), part of a batch into its array, a push straight to
 * its socket or to every socket of a user ({@link Fields#TO_USER}); binds or unbinds the caller an rpc instance vouched for before the reply goes out.
 * Every answered call is counted by its method and outcome, with its latency ({@link GatewayMeter}).
 */
public final class ReplyDelivery {
    private static final Logger LOG = Logger.getLogger(ReplyDelivery.class.getName());
    private final SocketRegistry sockets;
    private final PendingCalls pending;
    private final long callTimeoutMs;
    private final Consumer<Socket> signedOut;
    private final GatewayMeter meter;

    public ReplyDelivery(SocketRegistry sockets, PendingCalls pending, long callTimeoutMs) {
        this(sockets, pending, callTimeoutMs, socket -> {}, GatewayMeter.unexported());
    }

    /**
     * {@code signedOut}: what else to do for a socket its own call signed out (end its private channels);
     * {@code meter}: where answered calls are counted.
     */
    public ReplyDelivery(
            SocketRegistry sockets,
            PendingCalls pending,
            long callTimeoutMs,
            Consumer<Socket> signedOut,
            GatewayMeter meter) {
        this.meter = meter;
        this.sockets = sockets;
        this.pending = pending;
        this.callTimeoutMs = callTimeoutMs;
        this.signedOut = signedOut;
    }

    /** Delivers one RX entry. */
    public void deliver(Map<String, String> fields) {
        String callId = fields.get(Fields.CALL);
        String message = fields.get(Fields.MESSAGE);
        if (callId == null) {
            String user = fields.get(Fields.TO_USER);
            if (user != null) {
                pushToUser(user, fields.get(Fields.EXCEPT_SESSION), message);
                return;
            }
            send(sockets.get(fields.get(Fields.SESSION)), message);
            return;
        }
        PendingCall call = pending.take(callId);
        if (call == null) {
            LOG.log(Level.FINE, "Dropping a second or late reply to call {0}", callId);
            return;
        }
        int code = Replies.errorCode(message, call.idJson());
        meter.answered(call.method(), code);
        if (call.span() != null) {
            CallTracing.end(call.span(), code);
        }
        meter.replied(call.sentAtMs(), fields.get(Fields.REPLIED_AT), System.currentTimeMillis());
        Socket socket = sockets.get(call.sessionId());
        String bind = fields.get(Fields.BIND);
        if (bind != null && socket != null) {
            bind(socket, bind);
            sockets.users().update(socket);
        }
        answer(socket, call.batch(), message);
    }

    /** A push to every socket of the user on this gateway but {@code exceptSession} (may be null). */
    private void pushToUser(String user, String exceptSession, String message) {
        for (Socket socket : sockets.users().of(user)) {
            if (!socket.id().equals(exceptSession)) {
                send(socket, message);
            }
        }
    }

    /** Answers -32004 to every call pending longer than the call timeout. */
    public void timeOutOldCalls(long nowMs) {
        fail(
                pending.expire(nowMs, callTimeoutMs),
                ErrorCode.UNAVAILABLE,
                "Call timed out after " + callTimeoutMs + " ms");
    }

    /** Answers -32007 to every call sent before Redis lost its data at about {@code lostAtMs}; answers how many. */
    public int failLostCalls(long lostAtMs) {
        List<PendingCall> lost = pending.takeSentBefore(lostAtMs);
        fail(lost, ErrorCode.CALL_LOST, "Call lost: Redis lost its data (restarted without persistence?)");
        return lost.size();
    }

    private void fail(List<PendingCall> calls, int code, String message) {
        for (PendingCall call : calls) {
            meter.answered(call.method(), code);
            if (call.span() != null) {
                CallTracing.end(call.span(), code);
            }
            var id = JSON.createReader(new StringReader(call.idJson())).readValue();
            answer(sockets.get(call.sessionId()), call.batch(), Replies.error(id, code, message, null));
        }
    }

    /** Sends a reply, or adds it to its batch and sends the batch once complete; a closed socket is skipped. */
    public static void answer(Socket socket, BatchReply batch, String message) {
        if (batch == null) {
            send(socket, message);
            return;
        }
        String complete = batch.add(message);
        if (complete != null) {
            send(socket, complete);
        }
    }

    private static void send(Socket socket, String message) {
        if (socket != null) {
            socket.send(message);
        }
    }

    private void bind(Socket socket, String caller) {
        if (caller.isEmpty()) {
            socket.unbind();
            signedOut.accept(socket);
            return;
        }
        try {
            socket.bind(caller);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignoring a malformed bind for socket {0}: {1}", new Object[] {
                socket.id(), e.getMessage()
            });
        }
    }
}
