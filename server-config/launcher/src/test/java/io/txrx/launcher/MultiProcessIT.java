package io.txrx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.txrx.testing.TestRedis;
import jakarta.json.Json;
import jakarta.json.JsonObject;
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
 * them: a call waits for the first rpc instance, calls in flight survive a killed one, and a forged P2P
 * share routes nothing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class MultiProcessIT {

    private static final Logger LOG = Logger.getLogger(MultiProcessIT.class.getName());
    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final long REPLY_SECONDS = 120;
    private static final int CALLS = 200;

    private final String prefix = "txrx-it-" + Secrets.randomHex(4) + ":";
    private final String psk = Secrets.randomHex(32);
    private final Path runDir = Path.of("target", "it-run").toAbsolutePath();
    private String redisUrl;
    private PostgresService postgres;
    private Distribution dist;
    private MicroRuntime runtime;
    private MicroProcess gateway;
    private MicroProcess dispatcher;
    private MicroProcess rpc;
    private int rpcGeneration;
    private RpcClient client;

    @BeforeAll
    void startGatewayAndDispatcher() throws Exception {
        dist = Distribution.locate().verified();
        redisUrl = TestRedis.url();
        postgres = PostgresService.resolve(System.getenv(), runDir.resolve("postgres"));
        runtime = new MicroRuntime(dist.microJar(), runDir, List.of("-Xmx512m"), null);
        gateway = start(Role.GATEWAY, "gateway");
        dispatcher = start(Role.DISPATCHER, "dispatcher");
        gateway.awaitReady(BOOT);
        dispatcher.awaitReady(BOOT);
        client = RpcClient.connect(gateway.gatewayUri(), Duration.ofSeconds(30));
    }

    @Test
    @Order(1)
    void aCallWaitsForTheFirstRpcInstance() throws Exception {
        CompletableFuture<String> ping = client.call("system.ping", null);

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
    void callsInFlightAreAnsweredOnceWhenTheRpcInstanceIsKilled() throws Exception {
        ensureRpc();
        Map<Integer, CompletableFuture<String>> replies = new HashMap<>();
        for (int i = 0; i < CALLS; i++) {
            replies.put(i, client.call("system.echo", echoParams(i)));
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
            JsonObject message = json(reply.getValue().join());
            assertEquals(json(echoParams(reply.getKey())), message.get("result"), () -> "reply " + message);
        }
        assertEquals(List.of(), client.strays(), "replies that matched no waiting call (duplicates)");
    }

    @Test
    @Order(3)
    void aForgedShareChangesNoRoute() throws Exception {
        ensureRpc();
        String evil = prefix + "rpc:evil";
        String wrongKey = Secrets.randomHex(32);
        forge(ForgedShare.of("forger", "system", evil, "system.ping"), wrongKey);
        // also impersonate the live instance, whose shard a dispatcher would otherwise replace
        rpcInstance().ifPresent(instance -> forge(ForgedShare.of(instance, "system", evil, "system.ping"), wrongKey));

        for (int i = 0; i < 10; i++) {
            CompletableFuture<String> ping = client.call("system.ping", null);
            try {
                assertPong(ping.get(30, TimeUnit.SECONDS));
            } catch (TimeoutException e) {
                fail("no reply to system.ping in 30 s; entries in the forged stream: "
                        + TestRedis.jedis().xlen(evil));
            }
        }
        assertEquals(0, TestRedis.jedis().xlen(evil), "calls were routed to the forged stream");
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (client != null) {
            client.close();
        }
        for (MicroProcess process : new MicroProcess[] {rpc, dispatcher, gateway}) {
            if (process != null) {
                process.terminate();
            }
        }
        for (MicroProcess process : new MicroProcess[] {rpc, dispatcher, gateway}) {
            if (process != null) {
                process.stop();
            }
        }
        if (redisUrl != null) {
            int deleted = TestRedis.deleteKeys(prefix);
            LOG.info(() -> "deleted " + deleted + " keys under " + prefix);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    private MicroProcess start(Role role, String name) throws Exception {
        Map<String, String> env = new HashMap<>(postgres.environment());
        env.put("TXRX_ROLES", role.value());
        env.put(RedisService.URL_VARIABLE, redisUrl);
        env.put("TXRX_P2P_PSK", psk);
        env.put("TXRX_PREFIX", prefix);
        // an unroutable call waits for an rpc instance this long before it gets -32601
        env.put("TXRX_DISPATCHER_GRACE_MS", "120000");
        // the gateway answers a call with a timeout error after this long; the scenarios wait longer
        env.put("TXRX_GATEWAY_CALL_TIMEOUT_MS", "300000");
        // a new rpc instance claims a dead one's pending calls after this idle time
        env.put("TXRX_RPC_CLAIM_IDLE_MS", "2000");
        return MicroProcess.start(
                runtime, name, FreePort.find(), env, role.deployables(dist).toArray(Path[]::new));
    }

    private void startRpc() throws Exception {
        rpc = start(Role.RPC, "rpc-" + ++rpcGeneration);
        rpc.awaitReady(BOOT);
    }

    /** Scenarios after the first need an rpc instance; one is started if an earlier scenario left none. */
    private void ensureRpc() throws Exception {
        if (rpc == null || !rpc.isAlive()) {
            startRpc();
        }
        assertPong(client.call("system.ping", null).get(REPLY_SECONDS, TimeUnit.SECONDS));
    }

    private void forge(ForgedShare share, String key) {
        TestRedis.jedis().xadd(prefix + "p2p", StreamEntryID.NEW_ENTRY, share.fields(key));
    }

    /** The instance id the live rpc process announced in its latest share. */
    private Optional<String> rpcInstance() {
        List<StreamEntry> entries = TestRedis.jedis().xrevrange(prefix + "p2p", "+", "-", 1000);
        return entries.stream()
                .map(StreamEntry::getFields)
                .filter(fields -> "share".equals(fields.get("type")) && !"forger".equals(fields.get("from")))
                .map(fields -> json(fields.get("shard")).getString("instance"))
                .findFirst();
    }

    private static String echoParams(int i) {
        return "{\"text\":\"echo-" + i + "\"}";
    }

    private static void assertPong(String reply) {
        assertTrue(PingProbe.isPong(reply), () -> "not a pong: " + reply);
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
