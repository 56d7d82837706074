package io.txrx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.client.GatewaySocket;
import io.txrx.launcher.MicroProcess;
import io.txrx.launcher.PingProbe;
import io.txrx.launcher.RedisService;
import io.txrx.launcher.Role;
import io.txrx.launcher.Secrets;
import io.txrx.testing.OwnRedisCluster;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
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
 * The system on a real Redis Cluster of the test's own (3 masters, 3 replicas on loopback): first all roles in
 * one process (calls, auth, channels with replay, keys spread over every master), then the roles as separate
 * processes under paced echo load while the master holding TX is SIGKILLed and its replica takes over. Each
 * phase logs one {@code CLUSTER} line with its figures.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ClusterIT {

    private static final Logger LOG = Logger.getLogger(ClusterIT.class.getName());
    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final Duration FLOW = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(15);
    private static final Duration PACE = Duration.ofMillis(40);
    private static final int SOCKETS = 4;
    private static final int CHANNELS = 40;
    /** What a call may get besides its result while its master fails over: unavailable, lost, timed out. */
    private static final Set<Integer> FAILOVER_ERRORS = Set.of(-32006, -32007, -32004);

    private OwnRedisCluster cluster;
    private Path runDir;

    @BeforeAll
    void startCluster() throws Exception {
        runDir = Path.of("target", "cluster-run").toAbsolutePath();
        cluster = OwnRedisCluster.start(runDir.resolve("redis"), 3);
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (cluster != null) {
            cluster.close();
        }
    }

    private SystemUnderTest system(String name) throws Exception {
        return new SystemUnderTest(
                runDir.resolve(name),
                Map.of(
                        RedisService.CLUSTER_VARIABLE,
                        cluster.seeds(),
                        "TXRX_GATEWAY_CALL_TIMEOUT_MS",
                        Long.toString(CALL_TIMEOUT.toMillis())),
                cluster.url());
    }

    @Test
    @Order(1)
    void allRolesInOneProcessServeCallsAuthAndReplayedChannelsWithKeysOnEveryMaster() throws Exception {
        try (SystemUnderTest system = system("all")) {
            MicroProcess all = system.start(Role.ALL, "all");
            all.awaitReady(BOOT);
            try (GatewaySocket socket = GatewaySocket.open(all.gatewayUri(), Duration.ofSeconds(30))) {
                assertTrue(PingProbe.isPong(call(socket, "system.ping", null).toString()));
                JsonObject echo = call(socket, "system.echo", "{\"data\":\"on a cluster\"}");
                assertEquals("on a cluster", echo.getJsonObject("result").getString("data"), echo.toString());

                String name = "u" + Secrets.randomHex(4);
                call(
                        socket,
                        "auth.register",
                        "{\"email\":\"" + name + "@example.org\",\"username\":\"" + name + "\",\"displayName\":\""
                                + name + "\",\"password\":\"correct horse\"}");
                call(socket, "auth.login", "{\"login\":\"" + name + "\",\"password\":\"correct horse\"}");
                assertEquals(
                        name,
                        call(socket, "auth.me", null).getJsonObject("result").getString("username"));

                List<String> channels = new ArrayList<>();
                for (int c = 0; c < CHANNELS; c++) {
                    channels.add("room." + c + "." + Secrets.randomHex(2));
                }
                for (String channel : channels) {
                    call(socket, "channel.subscribe", "{\"channel\":\"" + channel + "\"}");
                }
                List<String> firstOffsets = new ArrayList<>();
                for (String channel : channels) {
                    for (int n = 0; n < 3; n++) {
                        String offset = call(
                                        socket,
                                        "channel.publish",
                                        "{\"channel\":\"" + channel + "\",\"data\":" + n + "}")
                                .getJsonObject("result")
                                .getString("offset");
                        if (n == 0) {
                            firstOffsets.add(offset);
                        }
                    }
                }
                Set<String> pushed = awaitPushes(socket, CHANNELS * 3);
                assertEquals(CHANNELS * 3, pushed.size(), "every message pushed live, once");

                try (GatewaySocket late = GatewaySocket.open(all.gatewayUri(), Duration.ofSeconds(30))) {
                    call(late, "auth.login", "{\"login\":\"" + name + "\",\"password\":\"correct horse\"}");
                    for (int c = 0; c < CHANNELS; c++) {
                        JsonObject replay = call(
                                        late,
                                        "channel.subscribe",
                                        "{\"channel\":\"" + channels.get(c) + "\",\"offset\":\"" + firstOffsets.get(c)
                                                + "\"}")
                                .getJsonObject("result");
                        assertEquals(2, replay.getInt("replayed"), channels.get(c) + ": " + replay);
                    }
                    assertEquals(CHANNELS * 2, awaitPushes(late, CHANNELS * 2).size(), "every replayed message");
                }
            }
            Map<Integer, Integer> keys = cluster.keysPerMaster(system.prefix() + "*");
            Map<Integer, Integer> channelKeys = cluster.keysPerMaster(system.prefix() + "ch:*");
            LOG.info("CLUSTER all-in-one: keys per master " + keys + ", of them channels " + channelKeys + "; TX on "
                    + cluster.masterOf(system.prefix() + "tx").port() + ", the system service's stream on "
                    + cluster.masterOf(system.prefix() + "rpc:system").port());
            assertEquals(3, keys.size());
            assertTrue(channelKeys.values().stream().allMatch(n -> n > 0), "channels on every master: " + channelKeys);
            assertTrue(keys.values().stream().allMatch(n -> n > 1), "keys on every master: " + keys);
        }
    }

    @Test
    @Order(2)
    void rolesAsProcessesKeepServingWhenTheMasterHoldingTxIsKilled() throws Exception {
        try (SystemUnderTest system = system("roles")) {
            MicroProcess gateway = system.start(Role.GATEWAY, "gateway");
            system.start(Role.DISPATCHER, "dispatcher");
            system.start(Role.RPC, "rpc");
            system.awaitReady(BOOT);
            List<GatewaySocket> sockets = new ArrayList<>();
            try {
                for (int i = 0; i < SOCKETS; i++) {
                    sockets.add(GatewaySocket.open(gateway.gatewayUri(), Duration.ofSeconds(30)));
                }
                awaitPong(sockets.get(0));
                EchoLoad load = new EchoLoad("master-kill", sockets, PACE);
                load.awaitAnswered(200, FLOW);
                String tx = system.prefix() + "tx";
                long killedAt = System.currentTimeMillis();
                int killed = cluster.killMasterOf(tx);
                long servedAt = cluster.awaitServed(tx, Duration.ofSeconds(30));
                load.awaitAnsweredSentSince(servedAt, 200, FLOW);
                load.stop();

                EchoLoad.Figures figures = load.figures(CALL_TIMEOUT.plusSeconds(10), 0, -1);
                long recoveryMs = load.calls(call -> call.real() && call.sentAtMs >= killedAt).stream()
                        .mapToLong(call -> call.repliedAtMs - killedAt)
                        .min()
                        .orElse(-1);
                LOG.info(figures.line() + " failover-ms=" + (servedAt - killedAt) + " first-result-after-kill-ms="
                        + recoveryMs);
                assertNotEquals(killed, cluster.masterOf(tx).port(), "a replica took over TX's slot");
                assertEquals(0, figures.lost(), "calls never answered: " + figures.line());
                assertEquals(0, figures.failed(), "sockets failed: " + figures.line());
                assertEquals(0, figures.duplicated(), "calls answered twice: " + figures.line());
                assertTrue(
                        FAILOVER_ERRORS.containsAll(figures.errors().keySet()),
                        "only unavailable, lost or timed-out errors: " + figures.line());
                assertTrue(figures.real() >= 400, figures.line());
            } finally {
                sockets.forEach(GatewaySocket::close);
            }
        }
    }

    private static void awaitPong(GatewaySocket socket) throws Exception {
        long deadline = System.nanoTime() + FLOW.toNanos();
        while (true) {
            JsonObject reply = socket.call("system.ping", null).get(FLOW.toSeconds(), TimeUnit.SECONDS);
            if (PingProbe.isPong(reply.toString())) {
                return;
            }
            assertTrue(System.nanoTime() < deadline, "no pong within " + FLOW + ": " + reply);
            TimeUnit.MILLISECONDS.sleep(200); // routes not shared yet: ask again
        }
    }

    /** The distinct channel messages (channel and offset) pushed to the socket, until {@code count} came. */
    private static Set<String> awaitPushes(GatewaySocket socket, int count) throws InterruptedException {
        Set<String> seen = new TreeSet<>();
        int pushes = 0;
        long deadline = System.nanoTime() + FLOW.toNanos();
        while (pushes < count && System.nanoTime() < deadline) {
            String frame = socket.poll(Duration.ofSeconds(1));
            if (frame == null) {
                continue;
            }
            JsonObject message = Json.createReader(new StringReader(frame)).readObject();
            if ("channel.message".equals(message.getString("method", null))) {
                JsonObject params = message.getJsonObject("params");
                seen.add(params.getString("channel") + "@" + params.getString("offset"));
                pushes++;
            }
        }
        assertEquals(count, pushes, "pushes received within " + FLOW);
        return seen;
    }

    private static JsonObject call(GatewaySocket socket, String method, String params) throws Exception {
        JsonObject reply = socket.call(
                        method,
                        params == null
                                ? null
                                : Json.createReader(new StringReader(params)).readObject())
                .get(FLOW.toSeconds(), TimeUnit.SECONDS);
        assertTrue(reply.containsKey("result"), () -> method + ": " + reply);
        return reply;
    }
}
