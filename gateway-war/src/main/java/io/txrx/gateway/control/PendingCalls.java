package io.txrx.gateway.control;

import io.opentelemetry.api.trace.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The calls this gateway has sent and not yet answered, by the gateway's own call id. A reply is delivered
 * only while its call is pending, so a second reply to the same call (possible after a crash and a claim)
 * is dropped.
 */
public final class PendingCalls {
    private final AtomicLong sequence = new AtomicLong();
    private final Map<String, PendingCall> calls = new ConcurrentHashMap<>();

    public String add(String sessionId, BatchReply batch, long nowMs, String idJson, String method) {
        return add(sessionId, batch, nowMs, idJson, method, null);
    }

    /** As above, with the call's span ({@code null} when tracing is off), ended when the call is answered. */
    public String add(String sessionId, BatchReply batch, long nowMs, String idJson, String method, Span span) {
        String callId = Long.toString(sequence.incrementAndGet(), 36);
        calls.put(callId, new PendingCall(sessionId, batch, nowMs, idJson, method, span));
        return callId;
    }

    /** Takes the call answered by a reply, or {@code null} when it was already answered or never made. */
    public PendingCall take(String callId) {
        return calls.remove(callId);
    }

    /** Takes every call older than {@code timeoutMs}. */
    public List<PendingCall> expire(long nowMs, long timeoutMs) {
        return takeSentBefore(nowMs - timeoutMs);
    }

    /** Takes every call sent before {@code cutoffMs} (epoch ms). */
    public List<PendingCall> takeSentBefore(long cutoffMs) {
        List<PendingCall> taken = new ArrayList<>();
        calls.entrySet().removeIf(entry -> {
            boolean before = entry.getValue().sentAtMs() < cutoffMs;
            if (before) {
                taken.add(entry.getValue());
            }
            return before;
        });
        return taken;
    }

    /** Forgets the calls of a closed socket. */
    public void forget(String sessionId) {
        calls.values().removeIf(call -> call.sessionId().equals(sessionId));
    }
}
