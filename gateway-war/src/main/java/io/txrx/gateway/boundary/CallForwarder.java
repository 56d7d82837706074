package io.txrx.gateway.boundary;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.txrx.gateway.control.BatchReply;
import io.txrx.gateway.control.GatewayMeter;
import io.txrx.gateway.control.PendingCalls;
import io.txrx.gateway.control.ReplyDelivery;
import io.txrx.gateway.control.Socket;
import io.txrx.jsonrpc.Call;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.Frame;
import io.txrx.jsonrpc.FrameEntry;
import io.txrx.jsonrpc.Rejection;
import io.txrx.jsonrpc.Replies;
import io.txrx.keys.Fields;
import io.txrx.stream.StreamWriter;
import io.txrx.tracing.CallTracing;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Where the entries of an admitted frame go: a call to the local methods that handle it, else to TX (as a
 * pending call when it expects a reply, stamped with the caller bound to the socket); a rejection straight
 * back. While Redis is unreachable a call for TX is refused at once with -32006 (a notification is dropped),
 * rather than queued to wait for the call timeout. The replies of a batch are gathered into one array.
 * What is answered here (local methods, rejections, refusals, notifications sent on) is counted in the
 * {@link GatewayMeter}; a call sent to TX is counted when its reply comes back ({@code ReplyDelivery}).
 */
final class CallForwarder {
    private final List<LocalMethods> local;
    private final StreamWriter tx;
    private final String txKey;
    private final String gateway;
    private final PendingCalls pending;
    private final long maxLen;
    private final BooleanSupplier busDown;
    private final GatewayMeter meter;
    private final CallTracing tracing;

    CallForwarder(
            List<LocalMethods> local,
            StreamWriter tx,
            String txKey,
            String gateway,
            PendingCalls pending,
            long maxLen,
            BooleanSupplier busDown,
            GatewayMeter meter,
            CallTracing tracing) {
        this.busDown = busDown;
        this.meter = meter;
        this.tracing = tracing;
        this.local = local;
        this.tx = tx;
        this.txKey = txKey;
        this.gateway = gateway;
        this.pending = pending;
        this.maxLen = maxLen;
    }

    void forward(Socket socket, Frame frame) {
        int expected = frame.expectedReplies();
        BatchReply batch = frame.batch() && expected > 0 ? new BatchReply(expected) : null;
        for (FrameEntry entry : frame.entries()) {
            if (entry instanceof Call call) {
                forward(socket, call, batch);
            } else if (entry instanceof Rejection rejection) {
                meter.answered(null, rejection.code());
                ReplyDelivery.answer(socket, batch, rejection.reply());
            }
        }
    }

    /** The socket closed: its pending calls and what the local methods kept for it are forgotten. */
    void closed(Socket socket) {
        pending.forget(socket.id());
        local.forEach(methods -> methods.closed(socket));
    }

    /** The socket was signed out from elsewhere: what the local methods took from it. */
    List<String> signedOut(Socket socket) {
        List<String> lost = new ArrayList<>();
        local.forEach(methods -> lost.addAll(methods.signedOut(socket)));
        return lost;
    }

    private void forward(Socket socket, Call call, BatchReply batch) {
        for (LocalMethods methods : local) {
            if (methods.handles(call.method())) {
                String reply = methods.call(socket, call);
                meter.answered(
                        call.method(),
                        reply == null ? 0 : Replies.errorCode(reply, call.id().toString()));
                if (reply != null) {
                    ReplyDelivery.answer(socket, batch, reply);
                }
                return;
            }
        }
        if (busDown.getAsBoolean()) {
            meter.answered(call.method(), ErrorCode.BUS_UNAVAILABLE);
            if (!call.isNotification()) {
                ReplyDelivery.answer(socket, batch, Replies.busUnavailable(call.id()));
            }
            return;
        }
        long now = System.currentTimeMillis();
        Map<String, String> fields = new HashMap<>(8);
        fields.put(Fields.GATEWAY, gateway);
        fields.put(Fields.SESSION, socket.id());
        fields.put(Fields.METHOD, call.method());
        fields.put(Fields.MESSAGE, call.json());
        fields.put(Fields.TIMESTAMP, Long.toString(now));
        Span span = null;
        if (tracing.on()) {
            span = tracing.start("txrx " + call.method(), SpanKind.SERVER, call.traceparent(), now);
            fields.put(Fields.TRACEPARENT, CallTracing.traceparent(span));
        }
        if (!call.isNotification()) {
            fields.put(
                    Fields.CALL, pending.add(socket.id(), batch, now, call.id().toString(), call.method(), span));
        } else {
            meter.answered(call.method(), 0);
            if (span != null) {
                CallTracing.end(span, 0);
            }
        }
        String caller = socket.callerJson();
        if (caller != null) {
            fields.put(Fields.USER, caller);
        }
        tx.append(txKey, fields, maxLen);
    }
}
