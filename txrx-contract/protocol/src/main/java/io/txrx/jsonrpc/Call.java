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
 */
public record Call(JsonValue id, String method, JsonValue params, String json) implements FrameEntry {

    public boolean isNotification() {
        return id == null;
    }
}
