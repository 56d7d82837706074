package io.txrx.handlers.system.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestConfig;
import io.txrx.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real calls over a real WebSocket through real Redis: gateway → TX → dispatcher → service stream → handler
 * → RX → gateway, all roles in one Payara Micro.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SystemServiceIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long GRACE_MS = 1500;

    @ArquillianResource
    URL base;

    private WsClient client;

    @Deployment
    static WebArchive deployment() {
        return Deployments.allRoles(TestConfig.forTest().with("txrx.dispatcher.grace-ms", Long.toString(GRACE_MS)));
    }

    @BeforeEach
    void connect() {
        client = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    private static JsonValue parse(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void pingAnswersPong() throws Exception {
        client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system.ping\"}");
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"pong\"}", client.next(WAIT));
    }

    @Test
    void echoReturnsParamsExactlyAndTheIdWithItsType() throws Exception {
        client.send(
                "{\"jsonrpc\":\"2.0\",\"id\":\"e-1\",\"method\":\"system.echo\",\"params\":{\"text\":\"hi\",\"n\":[1,2.50,null,{\"ü\":true}]}}");
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":\"e-1\",\"result\":{\"text\":\"hi\",\"n\":[1,2.50,null,{\"ü\":true}]}}",
                client.next(WAIT));
        client.send("{\"jsonrpc\":\"2.0\",\"id\":42,\"method\":\"system.echo\",\"params\":[\"a\",1]}");
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":42,\"result\":[\"a\",1]}", client.next(WAIT));
    }

    @Test
    void timeIsAnIsoInstant() throws Exception {
        client.send("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"system.time\"}");
        Instant time = Instant.parse(((JsonObject) parse(client.next(WAIT))).getString("result"));
        assertTrue(Duration.between(time, Instant.now()).abs().toSeconds() < 60);
    }

    @Test
    void methodsListsTheRoutableMethodsWithTheirService() throws Exception {
        client.send("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"system.methods\"}");
        JsonArray methods = ((JsonObject) parse(client.next(WAIT))).getJsonArray("result");
        assertTrue(
                methods.contains(Json.createObjectBuilder()
                        .add("method", "system.ping")
                        .add("service", "system")
                        .build()),
                methods.toString());
        assertTrue(methods.size() >= 5, methods.toString());
    }

    @Test
    void aBatchIsAnsweredWithOneArrayWithoutTheNotification() throws Exception {
        client.send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system.ping\"},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"system.ping\"},"
                + "{\"foo\":\"boo\"},"
                + "{\"jsonrpc\":\"2.0\",\"id\":\"2\",\"method\":\"system.echo\",\"params\":[7]}]");
        JsonArray replies = (JsonArray) parse(client.next(WAIT));
        assertEquals(3, replies.size(), replies.toString());
        Map<String, JsonObject> byId = new HashMap<>();
        replies.forEach(r -> byId.put(r.asJsonObject().get("id").toString(), r.asJsonObject()));
        assertEquals("pong", byId.get("1").getString("result"));
        assertEquals("[7]", byId.get("\"2\"").get("result").toString());
        assertEquals(-32600, byId.get("null").getJsonObject("error").getInt("code"));
    }

    @Test
    void anUnknownMethodIsMethodNotFoundAfterTheGrace() throws Exception {
        long start = System.nanoTime();
        client.send("{\"jsonrpc\":\"2.0\",\"id\":9,\"method\":\"nobody.home\"}");
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":9,\"error\":{\"code\":-32601,\"message\":\"Method not found: nobody.home\"}}",
                client.next(WAIT));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= GRACE_MS - 100);
    }

    @Test
    void invalidParamsListTheViolations() throws Exception {
        client.send("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"system.sleep\",\"params\":{\"ms\":-1}}");
        JsonObject error = ((JsonObject) parse(client.next(WAIT))).getJsonObject("error");
        assertEquals(-32602, error.getInt("code"));
        assertEquals("ms", error.getJsonArray("data").getJsonObject(0).getString("field"));
        client.send("{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"system.sleep\",\"params\":{\"ms\":\"soon\"}}");
        assertEquals(
                -32602,
                ((JsonObject) parse(client.next(WAIT))).getJsonObject("error").getInt("code"));
    }

    @Test
    void aSlowCallDoesNotHoldUpTheNext() throws Exception {
        client.send("{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"method\":\"system.sleep\",\"params\":[3000]}");
        client.send("{\"jsonrpc\":\"2.0\",\"id\":\"fast\",\"method\":\"system.ping\"}");
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"fast\",\"result\":\"pong\"}", client.next(Duration.ofMillis(2500)));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":\"slow\",\"result\":3000}", client.next(WAIT));
    }

    @Test
    void manyCallsOnOneSocketAreEachAnsweredOnce() throws Exception {
        int calls = 200;
        for (int i = 0; i < calls; i++) {
            client.send("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"system.echo\",\"params\":[" + i + "]}");
        }
        boolean[] seen = new boolean[calls];
        for (int i = 0; i < calls; i++) {
            JsonObject reply = (JsonObject) parse(client.next(WAIT));
            int id = reply.getInt("id");
            assertEquals("[" + id + "]", reply.get("result").toString());
            assertTrue(!seen[id], "duplicate reply " + id);
            seen[id] = true;
        }
        assertEquals(null, client.poll(Duration.ofMillis(300)));
    }
}
