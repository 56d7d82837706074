package io.txrx.launcher;

import io.txrx.client.GatewaySocket;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
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
    private static final String PAGE_MARK = "<title>txrx console</title>";

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
            try (GatewaySocket socket = GatewaySocket.open(gateway, attempt)) {
                String reply = socket.call("system.ping", null)
                        .get(attempt.toMillis(), TimeUnit.MILLISECONDS)
                        .toString();
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

    /**
     * The smoke check of a deployed txrx (the EAR check runs it): {@code system.ping} over the socket answers
     * pong, and, when a page URL is given, the page answers 200 with the console. Exits 1 with the last failure.
     * <p>
     * {@code java -cp txrx-launcher.jar:lib/* io.txrx.launcher.PingProbe <ws-url> [page-url] [timeout-seconds]}
     */
    public static void main(String[] args) throws Exception {
        Console console = Console.system();
        if (args.length < 1 || args.length > 3) {
            console.say("usage: PingProbe <ws-url> [page-url] [timeout-seconds]");
            System.exit(2);
        }
        URI socket = URI.create(args[0]);
        Optional<URI> page =
                args.length > 1 && !args[1].isEmpty() ? Optional.of(URI.create(args[1])) : Optional.empty();
        Duration timeout = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 60);
        Instant deadline = Instant.now().plus(timeout);
        try {
            console.say("ok: " + socket + " answered " + awaitPong(socket, timeout, () -> null));
            if (page.isPresent()) {
                awaitConsolePage(page.get(), Duration.between(Instant.now(), deadline));
                console.say("ok: GET " + page.get() + " answered 200 with the console page");
            }
        } catch (TimeoutException e) {
            console.say("FAILED: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Fetches the page until it answers 200 with the console's title, or the timeout. */
    static void awaitConsolePage(URI page, Duration timeout) throws TimeoutException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        HttpClient http = HttpClient.newBuilder().connectTimeout(ATTEMPT).build();
        String lastSeen = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(page).timeout(ATTEMPT).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && response.body().contains(PAGE_MARK)) {
                    return;
                }
                lastSeen = "HTTP " + response.statusCode()
                        + (response.statusCode() == 200 ? " but not the console page" : "");
            } catch (IOException e) {
                lastSeen = e.toString();
            }
            Thread.sleep(PAUSE.toMillis());
        }
        throw new TimeoutException("GET " + page + " did not serve the console page; last: " + lastSeen);
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
