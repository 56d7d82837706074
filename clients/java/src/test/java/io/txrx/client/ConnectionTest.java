package io.txrx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A gateway that dies while the client is still taking in its last message. The JDK's WebSocket then reads
 * the end of the socket with no demand at its transport and loses it (an {@code InternalError} in {@code
 * acknowledgeReception} on the selector thread): no {@code onClose}, no {@code onError}, the socket stays in
 * CLOSE_WAIT. Only a frame the client sends finds out.
 */
class ConnectionTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void aGatewayThatDiesWhileItsLastMessageIsBeingTakenInIsFoundByTheIdleProbe() throws Exception {
        // the gateway answers "go" with "bye" and is gone at once (a kill: no close frame)
        TinyWebSocketServer.Handler dying = (peer, text) -> {
            peer.send("bye");
            peer.kill();
        };
        try (TinyWebSocketServer server = new TinyWebSocketServer(dying)) {
            CompletableFuture<String> lost = new CompletableFuture<>();
            CompletableFuture<String> received = new CompletableFuture<>();
            Connection connection = new Connection(server.uri(), new Connection.Events() {
                @Override
                public void opened(Connection connection) {
                    connection.send("go");
                }

                @Override
                public void received(Connection connection, String text) {
                    // a listener still busy with the last message when the socket's end arrives
                    sleep(300);
                    received.complete(text);
                }

                @Override
                public void lost(Connection connection, int code, String reason) {
                    lost.complete(code + " " + reason);
                }
            });
            // as Session does from the socket's opening on; without it JDK 17 never tells this socket's end
            // (10 runs out of 10 here; JDK 25 has the same code)
            scheduler.scheduleAtFixedRate(() -> connection.probe(Duration.ofMillis(50)), 50, 50, TimeUnit.MILLISECONDS);
            connection.open(HttpClient.newHttpClient(), Map.of(), WAIT);

            String how = lost.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertTrue(how.startsWith("1006") || how.startsWith(Connection.GAVE_UP + " send failed"), how);
            assertTrue(
                    !received.isDone() || received.join().equals("bye"),
                    () -> "received " + received.join()); // a reset may cut the last message
        }
    }

    @Test
    void aLiveSocketIsProbedOnlyWhenIdleAndItsPongKeepsItOpen() throws Exception {
        TinyWebSocketServer.Handler echo = (peer, text) -> peer.send(text);
        try (TinyWebSocketServer server = new TinyWebSocketServer(echo)) {
            CompletableFuture<Void> opened = new CompletableFuture<>();
            CompletableFuture<String> lost = new CompletableFuture<>();
            CompletableFuture<String> echoed = new CompletableFuture<>();
            Connection connection = new Connection(server.uri(), new Connection.Events() {
                @Override
                public void opened(Connection connection) {
                    opened.complete(null);
                }

                @Override
                public void received(Connection connection, String text) {
                    echoed.complete(text);
                }

                @Override
                public void lost(Connection connection, int code, String reason) {
                    lost.complete(code + " " + reason);
                }
            });
            connection.open(HttpClient.newHttpClient(), Map.of(), WAIT);
            opened.get(WAIT.toSeconds(), TimeUnit.SECONDS);

            assertFalse(connection.probe(Duration.ofHours(1)), "probed a socket that just opened");
            sleep(20);
            assertTrue(connection.probe(Duration.ofMillis(10)), "an idle socket was not probed");
            connection.send("still there?");

            assertEquals("still there?", echoed.get(WAIT.toSeconds(), TimeUnit.SECONDS));
            assertFalse(lost.isDone(), () -> "lost: " + lost.join());
            connection.close();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
