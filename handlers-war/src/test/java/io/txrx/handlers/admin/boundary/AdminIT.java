package io.txrx.handlers.admin.boundary;

import static io.txrx.testing.RpcCaller.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.txrx.handlers.system.boundary.Deployments;
import io.txrx.testing.RpcCaller;
import io.txrx.testing.TestConfig;
import io.txrx.testing.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code admin.streams}, {@code admin.pending}, {@code admin.cluster} and {@code admin.rates} over the socket,
 * every role in one Micro: refused to a normal user, and for the admin the streams with their groups and
 * consumers, a call no instance serves pending on TX with its method and age, and exactly the calls made in
 * the last minute with their errors.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AdminIT {
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final long GRACE_MS = 60_000;
    private static final Duration PENDING_WITHIN = Duration.ofSeconds(10);
    private static final Duration COUNTED_WITHIN = Duration.ofSeconds(10);
    private static TestConfig config;

    @ArquillianResource
    URL base;

    private final List<WsClient> sockets = new ArrayList<>();

    @Deployment
    static WebArchive deployment() {
        config = TestConfig.forTest()
                .with("txrx.auth.pbkdf2-iterations", "1024")
                .with("txrx.auth.admin.password", ADMIN_PASSWORD)
                // a call for a method nobody serves stays pending on TX for the whole test
                .with("txrx.dispatcher.grace-ms", Long.toString(GRACE_MS));
        return Deployments.allRolesWithDatabase(config);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(WsClient::close);
    }

    private WsClient client() {
        WsClient client = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
        sockets.add(client);
        return client;
    }

    private RpcCaller admin() throws InterruptedException {
        RpcCaller admin = new RpcCaller(client());
        assertEquals(
                0,
                errorCode(admin.call("auth.login", "{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}")));
        return admin;
    }

    private RpcCaller normalUser() throws InterruptedException {
        RpcCaller user = new RpcCaller(client());
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        user.call(
                "auth.register",
                "{\"email\":\"" + name + "@example.org\",\"username\":\"" + name + "\",\"displayName\":\"" + name
                        + "\",\"password\":\"correct horse\"}");
        assertEquals(
                0, errorCode(user.call("auth.login", "{\"login\":\"" + name + "\",\"password\":\"correct horse\"}")));
        return user;
    }

    private static Optional<JsonObject> named(JsonObject parent, String array, String field, String value) {
        return parent.getJsonArray(array).stream()
                .map(JsonValue::asJsonObject)
                .filter(o -> o.getString(field).equals(value))
                .findFirst();
    }

    @Test
    void refusedToANormalUserAndToNobody() throws Exception {
        RpcCaller anonymous = new RpcCaller(client());
        assertEquals(-32001, errorCode(anonymous.call("admin.streams", null)));

        RpcCaller user = normalUser();
        assertEquals(-32003, errorCode(user.call("admin.streams", null)));
        assertEquals(-32003, errorCode(user.call("admin.pending", "{}")));
        assertEquals(-32003, errorCode(user.call("admin.cluster", null)));
        assertEquals(-32003, errorCode(user.call("admin.rates", null)));
    }

    @Test
    void theAdminSeesTheStreamsWithTheirGroupsAndConsumers() throws Exception {
        String prefix = config.get("txrx.prefix");
        RpcCaller admin = admin();
        JsonObject reply = admin.call("admin.streams", null);
        JsonObject result = reply.getJsonObject("result");
        assertNotNull(result, reply.toString());

        JsonObject tx = named(result, "streams", "key", prefix + "tx")
                .orElseThrow(() -> new AssertionError("no TX stream in " + result));
        assertTrue(tx.getJsonNumber("length").longValue() >= 1, "the admin's login went through TX: " + tx);
        assertNotNull(tx.getString("firstId"));
        assertNotNull(tx.getString("lastId"));
        JsonObject dispatchers = named(tx, "groups", "name", "dispatchers")
                .orElseThrow(() -> new AssertionError("no group dispatchers on " + tx));
        assertEquals(1, dispatchers.getJsonArray("consumers").size(), "one dispatcher: " + dispatchers);
        JsonObject consumer = dispatchers.getJsonArray("consumers").getJsonObject(0);
        assertTrue(consumer.getJsonNumber("idleMs").longValue() >= 0, consumer.toString());
        // null where Redis cannot tell (before 7.0)
        assertTrue(
                !dispatchers.containsKey("lag")
                        || dispatchers.isNull("lag")
                        || dispatchers.getJsonNumber("lag").longValue() == 0,
                "the dispatcher has read all: " + dispatchers);

        JsonObject auth = named(result, "streams", "key", prefix + "rpc:auth")
                .orElseThrow(() -> new AssertionError("no service stream of auth in " + result));
        assertEquals(1, auth.getJsonArray("groups").size(), auth.toString());
        assertTrue(
                auth.getJsonArray("groups")
                                .getJsonObject(0)
                                .getJsonArray("consumers")
                                .size()
                        >= 1,
                auth.toString());
        for (JsonValue stream : result.getJsonArray("streams")) {
            assertTrue(stream.asJsonObject().getString("key").startsWith(prefix), "only this system's: " + stream);
        }
    }

    @Test
    void theAdminSeesThePeersByRoleTheGatewayAndTheShards() throws Exception {
        RpcCaller admin = admin();
        long asked = System.currentTimeMillis();
        JsonObject reply = admin.call("admin.cluster", null);
        JsonObject result = reply.getJsonObject("result");
        assertNotNull(result, reply.toString());

        for (String role : new String[] {"dispatcher", "rpc"}) {
            JsonObject peer = result.getJsonObject("peers").getJsonArray(role).getJsonObject(0);
            long heartbeat = peer.getJsonNumber("lastHeartbeatMs").longValue();
            assertTrue(asked - heartbeat < 10_000, role + " heard within the peer TTL: " + peer);
            assertTrue(peer.getString("roles").contains(role), peer.toString());
        }
        assertEquals(1, result.getJsonArray("gateways").size(), "the one gateway, by its RX stream: " + result);
        JsonObject auth = named(result, "shards", "service", "auth")
                .orElseThrow(() -> new AssertionError("no auth shard in " + result));
        assertTrue(auth.getJsonArray("methods").toString().contains("\"auth.login\""), auth.toString());
        assertEquals(config.get("txrx.prefix") + "rpc:auth", auth.getString("stream"));
        String rpcInstance = result.getJsonObject("peers")
                .getJsonArray("rpc")
                .getJsonObject(0)
                .getString("instance");
        assertEquals(
                List.of(rpcInstance), auth.getJsonArray("instances").getValuesAs(jakarta.json.JsonString::getString));
        JsonObject adminShard = named(result, "shards", "service", "admin")
                .orElseThrow(() -> new AssertionError("no admin shard in " + result));
        assertTrue(adminShard.getJsonArray("methods").toString().contains("\"admin.cluster\""), adminShard.toString());
    }

    @Test
    void aCallNoInstanceServesShowsUpPendingWithItsMethodAndAge() throws Exception {
        String prefix = config.get("txrx.prefix");
        WsClient caller = client();
        long sent = System.currentTimeMillis();
        caller.send("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ghost.wait\",\"params\":{}}");

        RpcCaller admin = admin();
        long deadline = System.nanoTime() + PENDING_WITHIN.toNanos();
        while (true) {
            JsonObject reply = admin.call("admin.pending", "{\"limit\":100}");
            JsonObject result = reply.getJsonObject("result");
            assertNotNull(result, reply.toString());
            Optional<JsonObject> ghost = named(result, "calls", "method", "ghost.wait");
            if (ghost.isPresent()) {
                JsonObject call = ghost.get();
                assertEquals(prefix + "tx", call.getString("stream"), call.toString());
                assertEquals("dispatchers", call.getString("group"));
                long age = call.getJsonNumber("ageMs").longValue();
                long bound = System.currentTimeMillis() - sent + 1000;
                assertTrue(age >= 0 && age <= bound, "age " + age + " within " + bound);
                assertTrue(call.getJsonNumber("deliveries").longValue() >= 1, call.toString());
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("ghost.wait not pending within " + PENDING_WITHIN + ": " + result);
            }
            Thread.sleep(100);
        }
    }

    @Test
    void theAdminSeesExactlyTheCallsAndErrorsOfTheLastMinutePerMethod() throws Exception {
        RpcCaller caller = new RpcCaller(client());
        for (int i = 0; i < 5; i++) {
            assertEquals(0, errorCode(caller.call("system.echo", "{\"text\":\"hi\"}")));
        }
        for (int i = 0; i < 3; i++) {
            assertEquals(-32602, errorCode(caller.call("system.sleep", "{\"ms\":-1}")));
        }
        caller.call("system.sleep", "{\"ms\":0}");

        RpcCaller admin = admin();
        long deadline = System.nanoTime() + COUNTED_WITHIN.toNanos();
        while (true) {
            JsonObject reply = admin.call("admin.rates", null);
            JsonObject result = reply.getJsonObject("result");
            assertNotNull(result, reply.toString());
            assertEquals(60, result.getInt("windowS"));
            Optional<JsonObject> echo = named(result, "methods", "method", "system.echo");
            Optional<JsonObject> sleep = named(result, "methods", "method", "system.sleep");
            if (echo.isPresent()
                    && sleep.isPresent()
                    && sleep.get().getJsonNumber("calls").longValue() == 4) {
                assertEquals(5, echo.get().getJsonNumber("calls").longValue(), echo.toString());
                assertEquals(0, echo.get().getJsonNumber("errors").longValue(), echo.toString());
                assertEquals(0.083, echo.get().getJsonNumber("callsPerSecond").doubleValue(), 1e-9);
                assertEquals(3, sleep.get().getJsonNumber("errors").longValue(), sleep.toString());
                assertEquals(0.05, sleep.get().getJsonNumber("errorsPerSecond").doubleValue(), 1e-9);
                assertEquals(
                        3,
                        sleep.get()
                                .getJsonObject("errorCodes")
                                .getJsonNumber("-32602")
                                .longValue(),
                        sleep.toString());
                assertTrue(result.getJsonNumber("calls").longValue() >= 9, result.toString());
                assertTrue(result.getJsonNumber("errors").longValue() >= 3, result.toString());
                return;
            }
            if (System.nanoTime() > deadline) {
                fail("the calls made not counted within " + COUNTED_WITHIN + ": " + result);
            }
            Thread.sleep(100);
        }
    }
}
