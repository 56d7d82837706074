package io.txrx.gateway.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.identity.Caller;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.Replies;
import io.txrx.keys.Fields;
import jakarta.websocket.Session;
import java.io.StringReader;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hands what arrives on a gateway's RX stream to its sockets: a reply to the socket whose call is still
 * pending (a second reply to the same call is dropped), part of a batch into its array, a push straight to
 * its socket; binds or unbinds the caller an rpc instance vouched for before the reply goes out.
 */
public final class ReplyDelivery {
    private static final Logger LOG = Logger.getLogger(ReplyDelivery.class.getName());
    /** The bound caller's JSON among a socket's user properties, stamped on its calls without re-encoding. */
    public static final String CALLER_JSON = "txrx.callerJson";

    private final Map<String, Session> sessions;
    private final PendingCalls pending;
    private final long callTimeoutMs;

    public ReplyDelivery(Map<String, Session> sessions, PendingCalls pending, long callTimeoutMs) {
        this.sessions = sessions;
        this.pending = pending;
        this.callTimeoutMs = callTimeoutMs;
    }

    /** Delivers one RX entry. */
    public void deliver(Map<String, String> fields) {
        String callId = fields.get(Fields.CALL);
        String message = fields.get(Fields.MESSAGE);
        if (callId == null) {
            Sockets.send(sessions.get(fields.get(Fields.SESSION)), message);
            return;
        }
        PendingCall call = pending.take(callId);
        if (call == null) {
            LOG.log(Level.FINE, "Dropping a second or late reply to call {0}", callId);
            return;
        }
        Session session = sessions.get(call.sessionId());
        String bind = fields.get(Fields.BIND);
        if (bind != null && session != null) {
            bind(session, bind);
        }
        answer(session, call.batch(), message);
    }

    /** Answers -32004 to every call pending longer than the call timeout. */
    public void timeOutOldCalls(long nowMs) {
        for (PendingCall call : pending.expire(nowMs, callTimeoutMs)) {
            var id = JSON.createReader(new StringReader(call.idJson())).readValue();
            answer(
                    sessions.get(call.sessionId()),
                    call.batch(),
                    Replies.error(id, ErrorCode.UNAVAILABLE, "Call timed out after " + callTimeoutMs + " ms", null));
        }
    }

    /** Sends a reply, or adds it to its batch and sends the batch once complete. */
    public static void answer(Session session, BatchReply batch, String message) {
        if (batch == null) {
            Sockets.send(session, message);
            return;
        }
        String complete = batch.add(message);
        if (complete != null) {
            Sockets.send(session, complete);
        }
    }

    private static void bind(Session session, String caller) {
        if (caller.isEmpty()) {
            session.getUserProperties().remove(Caller.SESSION_PROPERTY);
            session.getUserProperties().remove(CALLER_JSON);
            return;
        }
        try {
            session.getUserProperties().put(Caller.SESSION_PROPERTY, Caller.fromJson(caller));
            session.getUserProperties().put(CALLER_JSON, caller);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Ignoring a malformed bind for socket {0}: {1}", new Object[] {
                session.getId(), e.getMessage()
            });
        }
    }
}
