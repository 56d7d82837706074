package io.txrx.jsonrpc;

import jakarta.json.JsonValue;

/**
 * One valid JSON-RPC request.
 *
 * @param id the id exactly as the client sent it ({@code JsonValue.NULL} for an explicit null), or
 *     {@code null} for a notification
 * @param method the method name
 * @param params the params object or array, or {@code null} when absent
 * @param json the request as JSON text, forwarded unchanged through the streams
 * @param traceparent the W3C trace context the client sent in the request's {@code traceparent} member (a
 *     txrx extension), so that the call's trace continues the client's; {@code null} when absent
 */
public record Call(JsonValue id, String method, JsonValue params, String json, String traceparent)
        implements FrameEntry {

    public Call(JsonValue id, String method, JsonValue params, String json) {
        this(id, method, params, json, null);
    }

    public boolean isNotification() {
        return id == null;
    }
}
