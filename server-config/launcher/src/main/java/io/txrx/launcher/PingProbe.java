package io.txrx.launcher;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Readiness as a user sees it: a JSON-RPC {@code system.ping} over the gateway's WebSocket answers
 * {@code "pong"}, which needs a gateway, a dispatcher and an rpc instance that found each other.
 */
public final class PingProbe {

    private static final Duration ATTEMPT = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofMillis(500);

    private PingProbe() {}

    /**
     * Pings until pong or the timeout.
     *
     * @param abort checked between attempts; a non-null answer (why to give up) ends the wait at once
     * @return the reply text
     * @throws TimeoutException with the last reply or error seen
     */
    public static String awaitPong(URI gateway, Duration timeout, Supplier<String> abort)
            throws TimeoutException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        String lastSeen = "no answer";
        while (Instant.now().isBefore(deadline)) {
            String reason = abort.get();
            if (reason != null) {
                throw new IllegalStateException(reason);
            }
            Duration attempt = min(ATTEMPT, Duration.between(Instant.now(), deadline));
            if (attempt.toMillis() < PAUSE.toMillis()) {
                break;
            }
            try (RpcClient client = RpcClient.connect(gateway, attempt)) {
                String reply = client.call("system.ping", null).get(attempt.toMillis(), TimeUnit.MILLISECONDS);
                if (isPong(reply)) {
                    return reply;
                }
                lastSeen = reply;
            } catch (IOException | ExecutionException | TimeoutException e) {
                lastSeen = e.toString();
            }
            Thread.sleep(PAUSE.toMillis());
        }
        throw new TimeoutException(
                "no pong from " + gateway + " after " + timeout.toSeconds() + " s; last: " + lastSeen);
    }

    /** Whether a reply is {@code {"jsonrpc":"2.0","id":..,"result":"pong"}}. */
    public static boolean isPong(String reply) {
        try (JsonReader reader = Json.createReader(new StringReader(reply))) {
            JsonObject message = reader.readObject();
            JsonValue result = message.get("result");
            return "2.0".equals(message.getString("jsonrpc", null))
                    && message.containsKey("id")
                    && result != null
                    && result.equals(Json.createValue("pong"));
        } catch (JsonException | IllegalStateException e) {
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
