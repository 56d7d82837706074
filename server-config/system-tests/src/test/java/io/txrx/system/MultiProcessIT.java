package io.txrx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.txrx.client.GatewaySocket;
import io.txrx.keys.Fields;
import io.txrx.keys.StreamKeys;
import io.txrx.launcher.MicroProcess;
import io.txrx.launcher.PingProbe;
import io.txrx.launcher.Role;
import io.txrx.launcher.Secrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Gateway, dispatcher and rpc as separate Payara Micro processes on one Redis, as {@code txrx roles} runs
 * them: a call waits for the first rpc instance, calls in flight survive a killed one, a forged P2P
 * share routes nothing, and a logout through one gateway signs out the session's socket on a second one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class MultiProcessIT {

    private static final Logger LOG = Logger.getLogger(MultiProcessIT.class.getName());
    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final long REPLY_SECONDS = 120;
    private static final int CALLS = 200;

    private SystemUnderTest system;
    private MicroProcess gateway;
    private MicroProcess dispatcher;
    private MicroProcess rpc;
    private int rpcGeneration;
    private GatewaySocket client;

    @BeforeAll
    void startGatewayAndDispatcher() throws Exception {
        system = new SystemUnderTest(
                Path.of("target", "it-run").toAbsolutePath(),
                Map.of(
                        // an unroutable call waits for an rpc instance this long before it gets -32601
                        "TXRX_DISPATCHER_GRACE_MS", "120000",
                        // the gateway answers a call with a timeout error after this long; the scenarios wait longer
                        "TXRX_GATEWAY_CALL_TIMEOUT_MS", "300000",
                        // a new rpc instance claims a dead one's pending calls after this idle time
                        "TXRX_RPC_CLAIM_IDLE_MS", "2000"));
        gateway = system.start(Role.GATEWAY, "gateway");
        dispatcher = system.start(Role.DISPATCHER, "dispatcher");
        gateway.awaitReady(BOOT);
        dispatcher.awaitReady(BOOT);
        client = GatewaySocket.open(gateway.gatewayUri(), Duration.ofSeconds(30));
    }

    @Test
    @Order(1)
    void aCallWaitsForTheFirstRpcInstance() throws Exception {
        CompletableFuture<JsonObject> ping = client.call("system.ping", null);

        // the deliberate pause: no rpc instance yet, so the call must wait (not fail, not get -32601)
        assertThrows(
                TimeoutException.class,
                () -> ping.get(3, TimeUnit.SECONDS),
                () -> "answered without an rpc instance: " + ping.join());
        startRpc();

        assertPong(ping.get(REPLY_SECONDS, TimeUnit.SECONDS));
    }

    @Test
    @Order(2)
    void aCallCarriesNoTraceContextWhileTracingIsOff() throws Exception {
        ensureRpc();
        assertPong(client.call("system.ping", null).get(REPLY_SECONDS, TimeUnit.SECONDS));

        // no OTEL_SDK_DISABLED=false in these processes: no span, so no traceparent for the next hop
        StreamKeys keys = StreamKeys.withPrefix(system.prefix());
        for (String stream : List.of(keys.tx(), keys.rpc("system"))) {
            List<StreamEntry> last = system.redis().xrevrange(stream, "+", "-", 1);
            assertEquals(1, last.size(), () -> stream + " holds no call");
            assertEquals(
                    null,
                    last.get(0).getFields().get(Fields.TRACEPARENT),
                    () -> stream + " carries a trace context: " + last.get(0).getFields());
        }
    }

    @Test
    @Order(3)
    void callsInFlightAreAnsweredOnceWhenTheRpcInstanceIsKilled() throws Exception {
        ensureRpc();
        Map<Integer, CompletableFuture<JsonObject>> replies = new HashMap<>();
        for (int i = 0; i < CALLS; i++) {
            replies.put(i, client.call("system.echo", json(echoParams(i))));
        }
        CompletableFuture<?>[] all = replies.values().toArray(CompletableFuture[]::new);
        CompletableFuture.anyOf(all).get(REPLY_SECONDS, TimeUnit.SECONDS);
        rpc.kill();
        long answeredBeforeKill =
                replies.values().stream().filter(CompletableFuture::isDone).count();
        LOG.info(() -> answeredBeforeKill + " of " + CALLS + " calls answered when the rpc instance was killed");
        assertTrue(answeredBeforeKill < CALLS, "every call was answered before the kill: nothing was in flight");

        startRpc();

        CompletableFuture.allOf(all).get(REPLY_SECONDS, TimeUnit.SECONDS);
        for (var reply : replies.entrySet()) {
            JsonObject message = reply.getValue().join();
            assertEquals(json(echoParams(reply.getKey())), message.get("result"), () -> "reply " + message);
        }
        assertEquals(List.of(), client.strays(), "replies that matched no waiting call (duplicates)");
    }

    @Test
    @Order(4)
    void aForgedShareChangesNoRoute() throws Exception {
        ensureRpc();
        String evil = system.prefix() + "rpc:evil";
        String wrongKey = Secrets.randomHex(32);
        forge(ForgedShare.of("forger", "system", evil, "system.ping"), wrongKey);
        // also impersonate the live instance, whose shard a dispatcher would otherwise replace
        rpcInstance().ifPresent(instance -> forge(ForgedShare.of(instance, "system", evil, "system.ping"), wrongKey));

        for (int i = 0; i < 10; i++) {
            CompletableFuture<JsonObject> ping = client.call("system.ping", null);
            try {
                assertPong(ping.get(30, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                fail("no reply to system.ping in 30 s; entries in the forged stream: "
                        + system.redis().xlen(evil));
            }
        }
        assertEquals(0, system.redis().xlen(evil), "calls were routed to the forged stream");
    }

    @Test
    @Order(5)
    void aLogoutOnOneGatewaySignsOutTheSessionsSocketOnAnother() throws Exception {
        ensureRpc();
        MicroProcess other = system.start(Role.GATEWAY, "gateway-b");
        other.awaitReady(BOOT);
        String name = "u" + Secrets.randomHex(4);
        try (GatewaySocket onA = GatewaySocket.open(gateway.gatewayUri(), Duration.ofSeconds(30));
                GatewaySocket onB = GatewaySocket.open(other.gatewayUri(), Duration.ofSeconds(30))) {
            call(
                    onA,
                    "auth.register",
                    "{\"email\":\"" + name + "@example.org\",\"username\":\"" + name + "\",\"displayName\":\"" + name
                            + "\",\"password\":\"correct horse\"}");
            String token = call(onA, "auth.login", "{\"login\":\"" + name + "\",\"password\":\"correct horse\"}")
                    .getJsonObject("result")
                    .getString("token");
            call(onB, "auth.resume", "{\"token\":\"" + token + "\"}");
            assertEquals(
                    name, call(onB, "auth.me", null).getJsonObject("result").getString("username"));

            long start = System.nanoTime();
            assertEquals(JsonValue.TRUE, call(onA, "auth.logout", null).get("result"));

            // gateway B holds no call of this user now: only the sign-out stream can reach it
            String pushed = onB.poll(Duration.ofSeconds(1).minusNanos(System.nanoTime() - start));
            long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            assertTrue(pushed != null, "no auth.signedOut on gateway B within 1 s of the logout on gateway A");
            LOG.info(() -> "gateway B signed its socket out " + ms + " ms after the logout was sent to gateway A");
            JsonObject notification = json(pushed);
            assertEquals("auth.signedOut", notification.getString("method"), pushed);
            assertEquals("logout", notification.getJsonObject("params").getString("reason"), pushed);
            JsonObject me = onB.call("auth.me", null).get(REPLY_SECONDS, TimeUnit.SECONDS);
            assertEquals(-32001, me.getJsonObject("error").getInt("code"), me.toString());
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (client != null) {
            client.close();
        }
        if (system != null) {
            system.close();
        }
    }

    private void startRpc() throws Exception {
        rpc = system.start(Role.RPC, "rpc-" + ++rpcGeneration);
        rpc.awaitReady(BOOT);
    }

    /** Scenarios after the first need an rpc instance; one is started if an earlier scenario left none. */
    private void ensureRpc() throws Exception {
        if (rpc == null || !rpc.isAlive()) {
            startRpc();
        }
        assertPong(client.call("system.ping", null).get(REPLY_SECONDS, TimeUnit.SECONDS));
    }

    /** A call that must succeed: its reply, or the test fails. */
    private static JsonObject call(GatewaySocket socket, String method, String params) throws Exception {
        JsonObject reply =
                socket.call(method, params == null ? null : json(params)).get(REPLY_SECONDS, TimeUnit.SECONDS);
        assertTrue(reply.containsKey("result"), () -> method + ": " + reply);
        return reply;
    }

    private void forge(ForgedShare share, String key) {
        system.redis().xadd(system.prefix() + "p2p", StreamEntryID.NEW_ENTRY, share.fields(key));
    }

    /** The instance id the live rpc process announced in its latest share. */
    private Optional<String> rpcInstance() {
        List<StreamEntry> entries = system.redis().xrevrange(system.prefix() + "p2p", "+", "-", 1000);
        return entries.stream()
                .map(StreamEntry::getFields)
                .filter(fields -> "share".equals(fields.get("type")) && !"forger".equals(fields.get("from")))
                .map(fields -> json(fields.get("shard")).getString("instance"))
                .findFirst();
    }

    private static String echoParams(int i) {
        return "{\"text\":\"echo-" + i + "\"}";
    }

    private static void assertPong(JsonObject reply) {
        assertTrue(PingProbe.isPong(reply.toString()), () -> "not a pong: " + reply);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
