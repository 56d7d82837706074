package io.txrx.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** Makes JSON-RPC calls over a {@link WsClient} and answers the reply with the call's id, skipping others. */
public final class RpcCaller {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final AtomicLong ids = new AtomicLong();
    private final WsClient client;

    public RpcCaller(WsClient client) {
        this.client = client;
    }

    /** Calls with params given as JSON text ({@code null} for none) and answers the whole reply. */
    public JsonObject call(String method, String paramsJson) throws InterruptedException {
        long id = ids.incrementAndGet();
        client.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (paramsJson == null ? "" : ",\"params\":" + paramsJson) + "}");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            JsonObject reply = parse(client.next(WAIT));
            if (reply.containsKey("id") && reply.get("id").toString().equals(Long.toString(id))) {
                return reply;
            }
        }
        throw new AssertionError("No reply to " + method + " within " + WAIT);
    }

    /** The error code of a reply, or 0 when it is a result. */
    public static int errorCode(JsonObject reply) {
        return reply.containsKey("error") ? reply.getJsonObject("error").getInt("code") : 0;
    }

    public static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
