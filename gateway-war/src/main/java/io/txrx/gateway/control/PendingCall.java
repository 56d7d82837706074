package io.txrx.gateway.control;

import io.opentelemetry.api.trace.Span;

/**
 * A call sent to TX and not yet answered.
 *
 * @param sessionId the socket that made it
 * @param batch the batch reply it belongs to, or {@code null} for a single call
 * @param sentAtMs when it was sent, for the call timeout
 * @param idJson the caller's id as JSON text, for a timeout error
 * @param method the method called, to count the call by its outcome
 * @param span the call's span when tracing is on, else {@code null}
 */
public record PendingCall(String sessionId, BatchReply batch, long sentAtMs, String idJson, String method, Span span) {}
