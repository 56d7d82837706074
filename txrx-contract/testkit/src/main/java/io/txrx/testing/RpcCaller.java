package io.txrx.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Makes JSON-RPC calls over a {@link WsClient} and answers the reply with the call's id, leaving others to the socket. */
public final class RpcCaller {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final WsClient client;

    public RpcCaller(WsClient client) {
        this.client = client;
    }

    /** Calls with params given as JSON text ({@code null} for none) and answers the whole reply. */
    public JsonObject call(String method, String paramsJson) throws InterruptedException {
        JsonValue params = paramsJson == null ? null : parseValue(paramsJson);
        try {
            return client.socket().call(method, params).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("No reply to " + method + " within " + WAIT, e);
        } catch (ExecutionException e) {
            throw new AssertionError(
                    "No reply to " + method + ": " + e.getCause().getMessage(), e);
        }
    }

    /** The error code of a reply, or 0 when it is a result. */
    public static int errorCode(JsonObject reply) {
        return reply.containsKey("error") ? reply.getJsonObject("error").getInt("code") : 0;
    }

    private static JsonValue parseValue(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    public static JsonObject parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
