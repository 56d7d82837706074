package io.txrx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.txrx.client.TxrxClient;
import io.txrx.testing.TestRedis;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The JavaScript client in Node.js against two real gateways: subscribed through the first one while messages
 * are published through the second at a steady rate, it loses its gateway to a SIGKILL midway, reconnects to
 * the other one, resubscribes from the last offset it saw, and ends with every message exactly once, in order.
 * A Java client subscribed the same way must end the same. Skipped when {@code node} is not on the PATH.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JsClientFailoverIT {

    private static final Logger LOG = Logger.getLogger(JsClientFailoverIT.class.getName());
    private static final Duration BOOT = Duration.ofSeconds(360);
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int MESSAGES = 300;
    private static final long PUBLISH_EVERY_MS = 20;

    private final String prefix = "txrx-it-" + Secrets.randomHex(4) + ":";
    private final String psk = Secrets.randomHex(32);
    private final String channel = "failover-" + Secrets.randomHex(4);
    private final Path runDir = Path.of("target", "it-run-js").toAbsolutePath();
    private final Path clientDir = Path.of(
                    System.getProperty("txrx.jsClient", "../../frontend-war/src/main/webapp/txrx-client"))
            .toAbsolutePath()
            .normalize();
    private Path node;
    private String redisUrl;
    private PostgresService postgres;
    private final List<MicroProcess> processes = new ArrayList<>();
    private MicroProcess gatewayA;
    private MicroProcess gatewayB;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    void startTwoGatewaysADispatcherAndAnRpcInstance() throws Exception {
        node = NodeScript.node().orElse(null);
        assumeTrue(node != null, "node is not on the PATH: the JS client's end-to-end test is skipped");
        Files.createDirectories(runDir);
        Distribution dist = Distribution.locate().verified();
        redisUrl = TestRedis.url();
        postgres = PostgresService.resolve(System.getenv(), runDir.resolve("postgres"));
        MicroRuntime runtime = new MicroRuntime(dist.microJar(), runDir, List.of("-Xmx512m"), null);
        gatewayA = start(runtime, dist, Role.GATEWAY, "gateway-a");
        gatewayB = start(runtime, dist, Role.GATEWAY, "gateway-b");
        start(runtime, dist, Role.DISPATCHER, "dispatcher");
        start(runtime, dist, Role.RPC, "rpc");
        for (MicroProcess process : processes) {
            process.awaitReady(BOOT);
        }
    }

    @Test
    void theJsClientGetsEveryMessageOnceInOrderAcrossAKilledGateway() throws Exception {
        assertServedAsTheSourceIs("txrx.js");

        List<Integer> javaReceived = new CopyOnWriteArrayList<>();
        TxrxClient javaSubscriber = client(gatewayA.gatewayUri(), gatewayB.gatewayUri());
        javaSubscriber.onMessage(m -> javaReceived.add(m.data().asJsonObject().getInt("n")));
        javaSubscriber.subscribe(channel).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(gatewayA.gatewayUri(), javaSubscriber.gateway());

        NodeScript subscriber = nodeSubscriber();
        JsonObject subscribed = subscriber
                .await(NodeScript.event("subscribed"), WAIT)
                .orElseThrow(() -> new AssertionError("the JS client did not subscribe; events: " + subscriber.seen()));
        assertEquals(
                gatewayA.gatewayUri().toString(), subscribed.getString("url"), "the JS client starts on gateway A");

        TxrxClient publisher = client(gatewayB.gatewayUri());
        List<String> offsets = publish(publisher);

        JsonObject done = subscriber
                .await(NodeScript.event("done"), WAIT)
                .orElseThrow(() -> new AssertionError("the JS client did not finish; events: " + subscriber.seen()));
        List<JsonObject> received = done.getJsonArray("received").getValuesAs(JsonObject.class);
        assertEquals(
                IntStream.range(0, MESSAGES).boxed().toList(),
                received.stream().map(m -> m.getInt("n")).toList(),
                "the messages the JS client got, in order");
        assertEquals(offsets, received.stream().map(m -> m.getString("offset")).toList(), "their offsets");
        assertEquals("complete", done.getString("reason"));
        assertEquals(gatewayB.gatewayUri().toString(), done.getString("url"), "the JS client ends on gateway B");
        assertEquals(Json.createValue("pong"), done.get("pong"), "a call through gateway B");
        assertEquals(MESSAGES, done.getInt("kept"), "messages kept for load()");
        assertEquals(offsets.get(MESSAGES - 1), done.getString("keptOffset"));
        assertTrue(
                subscriber.seen().stream()
                        .anyMatch(e -> "disconnect".equals(e.getString("event"))
                                && gatewayA.gatewayUri().toString().equals(e.getString("url"))),
                () -> "no disconnect from A: " + subscriber.seen());
        assertTrue(subscriber.seen().stream().noneMatch(e -> "truncated".equals(e.getString("event"))));

        await(() -> javaReceived.size() >= MESSAGES, "the Java subscriber's " + MESSAGES + " messages");
        assertEquals(IntStream.range(0, MESSAGES).boxed().toList(), javaReceived, "the messages the Java client got");
        assertEquals(gatewayB.gatewayUri(), javaSubscriber.gateway());
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        processes.forEach(MicroProcess::terminate);
        for (MicroProcess process : processes) {
            process.stop();
        }
        if (redisUrl != null) {
            int deleted = TestRedis.deleteKeys(prefix);
            LOG.info(() -> "deleted " + deleted + " keys under " + prefix);
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    /** Publishes through gateway B, one message every few ms, and SIGKILLs gateway A halfway. */
    private List<String> publish(TxrxClient publisher) throws Exception {
        List<String> offsets = new ArrayList<>();
        CompletableFuture<Void> kill = null;
        long start = System.nanoTime();
        for (int n = 0; n < MESSAGES; n++) {
            if (n == MESSAGES / 2) {
                LOG.info(() -> "killing " + gatewayA);
                kill = CompletableFuture.runAsync(this::killGatewayA);
            }
            JsonObject data = Json.createObjectBuilder().add("n", n).build();
            offsets.add(publisher.publish(channel, data).get(WAIT.toSeconds(), TimeUnit.SECONDS));
            long next = start + TimeUnit.MILLISECONDS.toNanos(PUBLISH_EVERY_MS * (n + 1));
            long pause = next - System.nanoTime();
            if (pause > 0) {
                TimeUnit.NANOSECONDS.sleep(pause); // the publishing rate, not a wait for a condition
            }
        }
        kill.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(!gatewayA.isAlive(), "gateway A still runs");
        return offsets;
    }

    private void killGatewayA() {
        try {
            gatewayA.kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private NodeScript nodeSubscriber() throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TXRX_CLIENT", clientDir.resolve("txrx.js").toString());
        env.put("TXRX_URLS", gatewayA.gatewayUri() + "," + gatewayB.gatewayUri());
        env.put("TXRX_CHANNEL", channel);
        env.put("TXRX_COUNT", Integer.toString(MESSAGES));
        env.put("TXRX_TIMEOUT_MS", Long.toString(WAIT.toMillis() * 3));
        NodeScript script = NodeScript.start(
                node,
                Path.of("src/test/js/channel-subscriber.mjs").toAbsolutePath(),
                clientDir,
                env,
                runDir.resolve("node.log"));
        clients.add(script);
        return script;
    }

    /** The page module serves the client exactly as it is in the source tree, as JavaScript. */
    private void assertServedAsTheSourceIs(String file) throws Exception {
        URI uri = URI.create("http://" + MicroRuntime.BIND_ADDRESS + ":" + gatewayB.port() + "/txrx-client/" + file);
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(uri).timeout(WAIT).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), () -> uri + " answered " + response.statusCode());
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").contains("javascript"),
                () -> "Content-Type of " + uri + ": " + response.headers().firstValue("Content-Type"));
        assertEquals(Files.readString(clientDir.resolve(file)), response.body(), uri + " differs from the source");
    }

    private TxrxClient client(URI... gateways) {
        TxrxClient client = TxrxClient.builder()
                .uris(gateways)
                .backoff(Duration.ofMillis(100), Duration.ofSeconds(2))
                .connectTimeout(Duration.ofSeconds(5))
                .connect();
        clients.add(client);
        return client;
    }

    private MicroProcess start(MicroRuntime runtime, Distribution dist, Role role, String name) throws Exception {
        Map<String, String> env = new HashMap<>(postgres.environment());
        env.put("TXRX_ROLES", role.value());
        env.put(RedisService.URL_VARIABLE, redisUrl);
        env.put("TXRX_P2P_PSK", psk);
        env.put("TXRX_PREFIX", prefix);
        env.put("TXRX_CHANNEL_ALLOW_ANONYMOUS", "true");
        MicroProcess process = MicroProcess.start(
                runtime, name, FreePort.find(), env, role.deployables(dist).toArray(Path[]::new));
        processes.add(process);
        return process;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
