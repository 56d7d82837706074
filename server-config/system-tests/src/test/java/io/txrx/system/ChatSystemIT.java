package io.txrx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.client.GatewaySocket;
import io.txrx.launcher.MicroProcess;
import io.txrx.launcher.PostgresService;
import io.txrx.launcher.Role;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Chat and presence across two gateway processes (Alice on one, Bob on the other), a dispatcher and an rpc
 * process: presence flips across gateways, messages go both ways in order, a writer killed with messages
 * pending leaves every message stored exactly once, and the users of a SIGKILLed gateway go offline within
 * the bound.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ChatSystemIT {
    private static final Logger LOG = Logger.getLogger(ChatSystemIT.class.getName());
    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final long PRESENCE_TTL_MS = 10_000;
    private static final int MESSAGES = 20;
    private static final int BURST = 2000;
    private static final int IN_FLIGHT = 64;

    private SystemUnderTest system;
    private MicroProcess gatewayA;
    private MicroProcess gatewayB;
    private MicroProcess rpc;
    private int rpcGeneration;
    private final List<GatewaySocket> sockets = new ArrayList<>();
    private final String alice = "alice" + unique();
    private final String bob = "bob" + unique();
    private GatewaySocket aliceSocket;
    private GatewaySocket bobSocket;

    @BeforeAll
    void start() throws Exception {
        system = new SystemUnderTest(
                Path.of("target", "chat-run").toAbsolutePath(),
                Map.of(
                        "TXRX_RPC_CLAIM_IDLE_MS", "2000",
                        "TXRX_AUTH_PBKDF2_ITERATIONS", "1024",
                        "TXRX_CHAT_RATE_PER_SECOND", "1000",
                        "TXRX_PRESENCE_TTL_MS", Long.toString(PRESENCE_TTL_MS)));
        gatewayA = system.start(Role.GATEWAY, "gateway-a");
        gatewayB = system.start(Role.GATEWAY, "gateway-b");
        system.start(Role.DISPATCHER, "dispatcher");
        rpc = system.start(Role.RPC, "rpc-" + ++rpcGeneration);
        system.awaitReady(BOOT);
        GatewaySocket registrar = open(gatewayA);
        for (String user : List.of(alice, bob)) {
            JsonObject registered = call(
                    registrar,
                    "auth.register",
                    "{\"email\":\"" + user + "@example.org\",\"username\":\"" + user + "\",\"displayName\":\"" + user
                            + "\",\"password\":\"correct horse\"}");
            assertTrue(registered.containsKey("result"), registered.toString());
        }
    }

    @AfterAll
    void stop() throws Exception {
        sockets.forEach(GatewaySocket::close);
        if (system != null) {
            system.close();
        }
    }

    @Test
    @Order(1)
    void presenceFlipsAcrossGateways() throws Exception {
        bobSocket = signIn(gatewayB, bob);
        JsonObject now = call(bobSocket, "presence.watch", "{\"users\":[\"" + alice + "\"]}");
        assertEquals(false, now.getJsonObject("result").getBoolean(alice), now.toString());

        aliceSocket = signIn(gatewayA, alice);

        assertChanged(push(bobSocket), alice, true);
        call(aliceSocket, "presence.watch", "{\"users\":[\"" + bob + "\"]}");
    }

    @Test
    @Order(2)
    void messagesGoBothWaysInOrderAcrossGateways() throws Exception {
        List<String> toBob = new ArrayList<>();
        List<String> toAlice = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            toBob.add(send(aliceSocket, bob, "to bob " + i));
            toAlice.add(send(bobSocket, alice, "to alice " + i));
        }
        assertEquals(toBob, pushedIds(bobSocket, MESSAGES), "Bob on gateway B got Alice's messages in order");
        assertEquals(toAlice, pushedIds(aliceSocket, MESSAGES), "Alice on gateway A got Bob's in order");
        awaitStored(2 * MESSAGES);
    }

    /** The benchmark figure: messages a second delivered across the two gateways, and persisted. */
    @Test
    @Order(3)
    void manyMessagesInFlightAreEachDeliveredOnceAndPersisted() throws Exception {
        Semaphore window = new Semaphore(IN_FLIGHT);
        List<CompletableFuture<JsonObject>> replies = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < BURST; i++) {
            window.acquire();
            CompletableFuture<JsonObject> reply =
                    aliceSocket.call("chat.send", json("{\"to\":\"" + bob + "\",\"text\":\"burst " + i + "\"}"));
            reply.whenComplete((r, e) -> window.release());
            replies.add(reply);
        }
        Set<String> pushed = new HashSet<>(pushedIds(bobSocket, BURST));
        long deliveredMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        awaitStored(2 * MESSAGES + BURST);
        long persistedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        Set<String> sent = new HashSet<>();
        for (CompletableFuture<JsonObject> reply : replies) {
            JsonObject answer = reply.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(answer.containsKey("result"), answer.toString());
            sent.add(answer.getJsonObject("result").getString("id"));
        }
        assertEquals(sent, pushed, "each message pushed to Bob once");
        LOG.info(() -> String.format(
                "%d messages, %d in flight: delivered across gateways in %d ms (%.0f/s), persisted in %d ms (%.0f/s)",
                BURST,
                IN_FLIGHT,
                deliveredMs,
                BURST * 1000.0 / deliveredMs,
                persistedMs,
                BURST * 1000.0 / persistedMs));
    }

    @Test
    @Order(4)
    void aWriterKilledWithMessagesPendingLeavesEveryMessageStoredOnce() throws Exception {
        List<String> sent = new ArrayList<>();
        try (Connection db = database()) {
            db.setAutoCommit(false);
            try (Statement lock = db.createStatement()) {
                // the writer's next insert waits on this lock: its batch stays pending, unacked
                lock.execute("LOCK TABLE chat_messages IN EXCLUSIVE MODE");
            }
            for (int i = 0; i < MESSAGES; i++) {
                sent.add(send(aliceSocket, bob, "while the writer is stuck " + i));
            }
            pushedIds(bobSocket, MESSAGES);
            JsonObject history =
                    call(bobSocket, "chat.history", "{\"peer\":\"" + alice + "\",\"limit\":" + MESSAGES + "}");
            assertEquals(
                    sent,
                    history.getJsonObject("result").getJsonArray("messages").stream()
                            .map(m -> m.asJsonObject().getString("id"))
                            .toList(),
                    "history shows what is still in the stream");
            rpc.kill();
            db.rollback();
        }
        rpc = system.start(Role.RPC, "rpc-" + ++rpcGeneration);
        rpc.awaitReady(BOOT);

        awaitStored(3 * MESSAGES + BURST);
        try (Connection db = database();
                Statement select = db.createStatement();
                ResultSet rows = select.executeQuery(
                        "SELECT count(*), count(DISTINCT (id_ms, id_seq))" + " FROM chat_messages")) {
            rows.next();
            assertEquals(3 * MESSAGES + BURST, rows.getInt(1), "every message stored");
            assertEquals(3 * MESSAGES + BURST, rows.getInt(2), "none twice");
        }
    }

    @Test
    @Order(5)
    void theUsersOfAKilledGatewayGoOfflineWithinTheBound() throws Exception {
        JsonObject read = call(bobSocket, "chat.read", "{\"peer\":\"" + alice + "\",\"upTo\":\"9999999999999-0\"}");
        assertEquals(2 * MESSAGES + BURST, read.getJsonObject("result").getInt("read"), "everything to Bob read");
        long killed = System.nanoTime();
        gatewayB.kill();

        assertChanged(push(aliceSocket), bob, false);
        long offlineMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed);
        LOG.info(() -> "Bob went offline " + offlineMs + " ms after his gateway was killed");
        assertTrue(offlineMs <= PRESENCE_TTL_MS, "offline after " + offlineMs + " ms");
        JsonObject online = call(aliceSocket, "presence.online", "{\"users\":[\"" + bob + "\"]}");
        assertEquals(false, online.getJsonObject("result").getBoolean(bob));
        String id = send(aliceSocket, bob, "while you were away");
        GatewaySocket bobAgain = signIn(gatewayA, bob);
        JsonObject unread = call(bobAgain, "chat.unread", null);
        assertEquals(
                List.of(id),
                unread.getJsonObject("result").getJsonArray("messages").stream()
                        .map(m -> m.asJsonObject().getString("id"))
                        .toList(),
                "back on the other gateway, Bob has the message sent while he was offline");
    }

    private String send(GatewaySocket socket, String to, String text) throws Exception {
        JsonObject reply = call(socket, "chat.send", "{\"to\":\"" + to + "\",\"text\":\"" + text + "\"}");
        assertTrue(reply.containsKey("result"), reply.toString());
        return reply.getJsonObject("result").getString("id");
    }

    /** The ids of the next {@code count} chat.message pushes (presence pushes are skipped). */
    private static List<String> pushedIds(GatewaySocket socket, int count) throws InterruptedException {
        List<String> ids = new ArrayList<>();
        while (ids.size() < count) {
            JsonObject push = push(socket);
            if ("chat.message".equals(push.getString("method"))) {
                ids.add(push.getJsonObject("params").getString("id"));
            }
        }
        return ids;
    }

    private static void assertChanged(JsonObject push, String user, boolean online) {
        assertEquals("presence.changed", push.getString("method"), push.toString());
        assertEquals(user, push.getJsonObject("params").getString("user"));
        assertEquals(online, push.getJsonObject("params").getBoolean("online"), push.toString());
    }

    private void awaitStored(int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int stored = -1;
        while (System.nanoTime() < deadline) {
            try (Connection db = database();
                    Statement select = db.createStatement();
                    ResultSet rows = select.executeQuery("SELECT count(*) FROM chat_messages")) {
                rows.next();
                stored = rows.getInt(1);
            }
            if (stored >= count) {
                assertEquals(count, stored);
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("expected " + count + " stored messages within " + WAIT + ", found " + stored);
    }

    private Connection database() throws SQLException {
        Map<String, String> db = system.database();
        return DriverManager.getConnection(
                db.get(PostgresService.URL_VARIABLE),
                db.get(PostgresService.USER_VARIABLE),
                db.get(PostgresService.PASSWORD_VARIABLE));
    }

    private GatewaySocket signIn(MicroProcess gateway, String user) throws Exception {
        GatewaySocket socket = open(gateway);
        JsonObject session = call(socket, "auth.login", "{\"login\":\"" + user + "\",\"password\":\"correct horse\"}");
        assertTrue(session.containsKey("result"), session.toString());
        return socket;
    }

    private GatewaySocket open(MicroProcess gateway) throws Exception {
        GatewaySocket socket = GatewaySocket.open(gateway.gatewayUri(), WAIT);
        sockets.add(socket);
        return socket;
    }

    private static JsonObject call(GatewaySocket socket, String method, String params) throws Exception {
        JsonValue value = params == null ? null : json(params);
        return socket.call(method, value).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static JsonObject push(GatewaySocket socket) throws InterruptedException {
        return json(socket.next(WAIT)).asJsonObject();
    }

    private static JsonValue json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
