import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Smoke check of a running txrx: sends {@code system.ping} over the gateway WebSocket and expects
 * {@code {"jsonrpc":"2.0","id":1,"result":"pong"}}; optionally also fetches the console page and expects
 * HTTP 200 with the console's title. Retries until the deadline, then exits 1 with the last failure.
 * <p>
 * {@code java Ping.java <ws-url> [page-url] [timeout-seconds]}, for example
 * {@code java Ping.java ws://127.0.0.1:18280/gateway/ws http://127.0.0.1:18280/ 60}.
 */
public class Ping {
    static final String CALL = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system.ping\"}";
    static final String EXPECTED = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"pong\"}";
    static final String PAGE_MARK = "<title>txrx console</title>";
    static final Duration ATTEMPT = Duration.ofSeconds(10);

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 3) {
            System.err.println("usage: java Ping.java <ws-url> [page-url] [timeout-seconds]");
            System.exit(2);
        }
        URI socket = URI.create(args[0]);
        URI page = args.length > 1 && !args[1].isEmpty() ? URI.create(args[1]) : null;
        long timeoutSeconds = args.length > 2 ? Long.parseLong(args[2]) : 60;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        HttpClient http = HttpClient.newBuilder().connectTimeout(ATTEMPT).build();

        long started = System.nanoTime();
        String failure = untilDeadline(deadline, () -> ping(http, socket));
        if (failure != null) {
            fail("system.ping over " + socket + " did not answer pong within " + timeoutSeconds + " s: " + failure);
        }
        System.out.printf("ok: %s answered %s in %d ms%n", socket, EXPECTED, millisSince(started));

        if (page != null) {
            started = System.nanoTime();
            failure = untilDeadline(deadline, () -> fetch(http, page));
            if (failure != null) {
                fail("GET " + page + " did not serve the console page within " + timeoutSeconds + " s: " + failure);
            }
            System.out.printf("ok: GET %s answered 200 with the console page in %d ms%n", page, millisSince(started));
        }
    }

    /** One check: null when it passed, otherwise why it failed. */
    interface Check {
        String run() throws Exception;
    }

    static String untilDeadline(long deadline, Check check) throws InterruptedException {
        String failure;
        while (true) {
            try {
                failure = check.run();
            } catch (Exception e) {
                failure = e.toString();
            }
            if (failure == null || System.nanoTime() > deadline) {
                return failure;
            }
            System.err.println("not yet: " + failure);
            Thread.sleep(1000);
        }
    }

    static String ping(HttpClient http, URI uri) throws Exception {
        CompletableFuture<String> reply = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(ATTEMPT)
                .buildAsync(uri, new FirstText(reply)).get(ATTEMPT.toSeconds(), TimeUnit.SECONDS);
        try {
            socket.sendText(CALL, true).get(ATTEMPT.toSeconds(), TimeUnit.SECONDS);
            String text = reply.get(ATTEMPT.toSeconds(), TimeUnit.SECONDS);
            return text.replaceAll("\\s", "").equals(EXPECTED) ? null : "unexpected reply " + text;
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null);
            socket.abort();
        }
    }

    static String fetch(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).timeout(ATTEMPT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return "HTTP " + response.statusCode();
        }
        return response.body().contains(PAGE_MARK) ? null : "HTTP 200 but not the txrx console page";
    }

    /** Completes with the first text message (joined from its parts), or with the reason the socket closed. */
    static final class FirstText implements WebSocket.Listener {
        private final CompletableFuture<String> reply;
        private final StringBuilder text = new StringBuilder();

        FirstText(CompletableFuture<String> reply) {
            this.reply = reply;
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                reply.complete(text.toString());
            }
            socket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
            reply.completeExceptionally(new IllegalStateException("socket closed: " + status + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket socket, Throwable error) {
            reply.completeExceptionally(error);
        }
    }

    static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    static void fail(String message) {
        System.err.println("FAILED: " + message);
        System.exit(1);
    }
}
