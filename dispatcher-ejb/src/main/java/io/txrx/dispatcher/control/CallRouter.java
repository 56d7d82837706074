package io.txrx.dispatcher.control;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.txrx.jsonrpc.Call;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.FrameParser;
import io.txrx.jsonrpc.Replies;
import io.txrx.keys.Fields;
import io.txrx.keys.StreamKeys;
import io.txrx.metrics.LatencyHistogram;
import io.txrx.p2p.boundary.Routes;
import io.txrx.tracing.CallTracing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Decides what happens to each TX entry: forwarded to its service stream when its method has a route,
 * held (not acked) while it has none, and answered with -32601 once it has waited longer than the grace
 * period. The grace counts from the later of the entry id's own timestamp and the moment this dispatcher
 * could know every route ({@link Routes#knownSince()}): a dispatcher that has just started (or lost its
 * routes with Redis) holds an old call until the peers have had the grace period to answer its init. A
 * forwarded call is stamped with the time it was forwarded ({@link Fields#DISPATCHED_AT}), and the time it
 * waited since the gateway wrote it ({@link Fields#TIMESTAMP}) counts in the {@code toDispatcher} histogram.
 */
public class CallRouter {
    private final Routes routes;
    private final StreamKeys keys;
    private final long graceMs;
    private final LatencyHistogram toDispatcher;
    private final CallTracing tracing;

    public CallRouter(Routes routes, StreamKeys keys, long graceMs) {
        this(routes, keys, graceMs, new LatencyHistogram(), CallTracing.off());
    }

    /** {@code tracing}: when on, a span per forward, from the TX entry's write to the forward. */
    public CallRouter(
            Routes routes, StreamKeys keys, long graceMs, LatencyHistogram toDispatcher, CallTracing tracing) {
        this.toDispatcher = toDispatcher;
        this.tracing = tracing;
        this.routes = routes;
        this.keys = keys;
        this.graceMs = graceMs;
    }

    public RoutingPlan plan(List<StreamEntry> entries, long nowMs) {
        RoutingPlan plan = new RoutingPlan();
        for (StreamEntry entry : entries) {
            Map<String, String> fields = entry.getFields();
            if (fields == null || fields.get(Fields.METHOD) == null) {
                plan.drop(entry.getID());
                continue;
            }
            Optional<String> stream = routes.streamFor(fields.get(Fields.METHOD));
            if (stream.isPresent()) {
                long writtenAt = Fields.stampMs(fields.get(Fields.TIMESTAMP), -1);
                toDispatcher.observeSince(writtenAt, nowMs);
                Map<String, String> forwarded = new HashMap<>(fields);
                forwarded.put(Fields.DISPATCHED_AT, Long.toString(nowMs));
                if (tracing.on()) {
                    trace(fields, forwarded, Math.max(0, writtenAt));
                }
                plan.forward(stream.get(), forwarded, entry.getID());
            } else if (nowMs - Math.max(entry.getID().getTime(), routes.knownSince()) < graceMs) {
                // no route yet: left pending (not acked), read again by the pending scan
            } else if (fields.get(Fields.CALL) == null) {
                plan.drop(entry.getID());
            } else {
                plan.answer(keys.rx(fields.get(Fields.GATEWAY)), notFound(fields), entry.getID());
            }
        }
        return plan;
    }

    /** {@code writtenAt}: when the gateway wrote the call, 0 when unknown (the span starts now). */
    private void trace(Map<String, String> call, Map<String, String> forwarded, long writtenAt) {
        Span span = tracing.start(
                "txrx dispatch " + call.get(Fields.METHOD), SpanKind.CONSUMER, call.get(Fields.TRACEPARENT), writtenAt);
        forwarded.put(Fields.TRACEPARENT, CallTracing.traceparent(span));
        span.end();
    }

    private static Map<String, String> notFound(Map<String, String> call) {
        List<Call> calls = FrameParser.parse(call.get(Fields.MESSAGE)).calls();
        String method = call.get(Fields.METHOD);
        String reply = Replies.error(
                calls.isEmpty() ? null : calls.get(0).id(),
                ErrorCode.METHOD_NOT_FOUND,
                "Method not found: " + method,
                null);
        return Map.of(
                Fields.SESSION, call.get(Fields.SESSION), Fields.CALL, call.get(Fields.CALL), Fields.MESSAGE, reply);
    }
}
