package io.txrx.handlers.notification.boundary;

import static io.txrx.testing.RpcCaller.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.handlers.system.boundary.Deployments;
import io.txrx.testing.RpcCaller;
import io.txrx.testing.TestConfig;
import io.txrx.testing.WsClient;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * Notifications end to end, every role in one Micro on real PostgreSQL and Redis: published over HTTP with an
 * API key or an admin's token, pushed to subscribed sockets, to the addressed user's sockets and to SSE
 * streams (resumed with Last-Event-ID), read back as reports from the cache and, once it expired, from the
 * database; bad requests answered with a clear 4xx or JSON-RPC error.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class NotificationsIT {
    private static final String API_KEY = "key-" + UUID.randomUUID();
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static TestConfig config;

    @ArquillianResource
    URL base;

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final List<AutoCloseable> open = new ArrayList<>();

    @Deployment
    static WebArchive deployment() {
        config = TestConfig.forTest()
                .with("txrx.auth.pbkdf2-iterations", "1024")
                .with("txrx.auth.admin.password", ADMIN_PASSWORD)
                .with("txrx.notifications.api-keys", "other-key, " + API_KEY)
                .with("txrx.notifications.cache-ttl-s", "3")
                .with("txrx.notifications.max-body-bytes", "8192")
                .with("txrx.notifications.sse-heartbeat-s", "1");
        return Deployments.allRolesWithDatabase(config);
    }

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private URI api(String path) {
        return URI.create(base + "api/notifications" + path);
    }

    private RpcCaller socket() {
        WsClient client = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
        open.add(client);
        return new RpcCaller(client);
    }

    private WsClient lastSocket() {
        return (WsClient) open.get(open.size() - 1);
    }

    private SseClient sse(String topic, String lastEventId) throws Exception {
        SseClient client = SseClient.connect(http, api("/stream?topic=" + topic), lastEventId);
        open.add(client);
        return client;
    }

    private HttpResponse<String> post(String bearer, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api(""))
                .header("Content-Type", "application/json")
                .timeout(WAIT)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String bearer, String query) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(api("?" + query)).timeout(WAIT).GET();
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Publishes with the API key and answers {@code {id, topic, createdAt}}. */
    private JsonObject publish(String topic, String title) throws Exception {
        HttpResponse<String> response = post(
                API_KEY,
                "{\"topic\":\"" + topic + "\",\"title\":\"" + title + "\",\"body\":\"about " + title
                        + "\",\"data\":{\"n\":1}}");
        assertEquals(201, response.statusCode(), response.body());
        return RpcCaller.parse(response.body());
    }

    private static String topic() {
        return "t" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject nextPush(WsClient socket) throws InterruptedException {
        return RpcCaller.parse(socket.next(WAIT));
    }

    private String adminToken() throws InterruptedException {
        JsonObject reply = socket().call("auth.login", "{\"login\":\"admin\",\"password\":\"" + ADMIN_PASSWORD + "\"}");
        return reply.getJsonObject("result").getString("token");
    }

    @Test
    void aPostArrivesOnASubscribedSocketAndOnAnSseStream() throws Exception {
        String topic = topic();
        RpcCaller subscriber = socket();
        WsClient subscriberSocket = lastSocket();
        JsonObject subscribed = subscriber.call("notifications.subscribe", "{\"topic\":\"" + topic + "\"}");
        assertEquals(true, subscribed.getJsonObject("result").getBoolean("subscribed"), subscribed.toString());
        SseClient stream = sse(topic, null);

        JsonObject created = publish(topic, "Shipped");
        assertEquals(topic, created.getString("topic"));
        assertTrue(created.getJsonNumber("id").longValue() > 0);

        JsonObject push = nextPush(subscriberSocket);
        assertEquals("notification", push.getString("method"), push.toString());
        JsonObject params = push.getJsonObject("params");
        assertEquals(created.getJsonNumber("id"), params.getJsonNumber("id"));
        assertEquals(topic, params.getString("topic"));
        assertEquals("Shipped", params.getString("title"));
        assertEquals("about Shipped", params.getString("body"));
        assertEquals(1, params.getJsonObject("data").getInt("n"));
        assertEquals(created.getString("createdAt"), params.getString("createdAt"));

        SseClient.Event event = stream.next();
        assertEquals(created.getJsonNumber("id").toString(), event.id());
        assertEquals(params, RpcCaller.parse(event.data()));

        JsonObject unsubscribed = subscriber.call("notifications.unsubscribe", "{\"topic\":\"" + topic + "\"}");
        assertEquals(true, unsubscribed.getJsonObject("result").getBoolean("unsubscribed"));
        JsonObject after = publish(topic, "After");
        assertEquals(after.getJsonNumber("id").toString(), stream.next().id());
        assertEquals(null, subscriberSocket.poll(Duration.ofMillis(500)), "no push after unsubscribing");
    }

    @Test
    void anSseClientReconnectingWithLastEventIdGetsExactlyWhatItMissed() throws Exception {
        String topic = topic();
        SseClient first = sse(topic, null);
        String seen = publish(topic, "one").getJsonNumber("id").toString();
        assertEquals(seen, first.next().id());
        first.close();

        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            missed.add(publish(topic, "missed" + i).getJsonNumber("id").toString());
        }
        SseClient again = sse(topic, seen);
        String live = publish(topic, "live").getJsonNumber("id").toString();
        List<String> expected = new ArrayList<>(missed);
        expected.add(live);
        List<String> got = new ArrayList<>();
        for (int i = 0; i < expected.size(); i++) {
            got.add(again.next().id());
        }
        assertEquals(expected, got, "the missed ones, then the live one, each once, in order");

        SseClient fromTheMiddle = sse(topic, missed.get(2));
        assertEquals(missed.get(3), fromTheMiddle.next().id());
        assertEquals(missed.get(4), fromTheMiddle.next().id());
        assertEquals(live, fromTheMiddle.next().id());

        String elsewhere = publish(topic(), "elsewhere").getJsonNumber("id").toString();
        String later = publish(topic, "later").getJsonNumber("id").toString();
        SseClient unknownLast = sse(topic, elsewhere);
        assertEquals(later, unknownLast.next().id(), "an id the topic does not hold: every retained one after it");
    }

    @Test
    void aNotificationForOneUserGoesToEverySocketOfThatUserOnly() throws Exception {
        String topic = topic();
        String name = "u" + UUID.randomUUID().toString().substring(0, 8);
        RpcCaller user = socket();
        WsClient userSocket = lastSocket();
        user.call(
                "auth.register",
                "{\"email\":\"" + name + "@example.org\",\"username\":\"" + name + "\",\"displayName\":\"" + name
                        + "\",\"password\":\"correct horse\"}");
        JsonObject login = user.call("auth.login", "{\"login\":\"" + name + "\",\"password\":\"correct horse\"}");
        long userId = login.getJsonObject("result")
                .getJsonObject("user")
                .getJsonNumber("id")
                .longValue();
        String userToken = login.getJsonObject("result").getString("token");
        RpcCaller topicSubscriber = socket();
        WsClient topicSocket = lastSocket();
        topicSubscriber.call("notifications.subscribe", "{\"topic\":\"" + topic + "\"}");

        HttpResponse<String> asUser = post(userToken, "{\"topic\":\"" + topic + "\",\"title\":\"t\",\"body\":\"b\"}");
        assertEquals(403, asUser.statusCode(), "a signed-in user's token is no admin's: " + asUser.body());

        HttpResponse<String> addressed = post(
                adminToken(),
                "{\"topic\":\"" + topic + "\",\"userId\":" + userId + ",\"title\":\"For you\",\"body\":\"private\"}");
        assertEquals(201, addressed.statusCode(), addressed.body());
        JsonObject push = nextPush(userSocket).getJsonObject("params");
        assertEquals("For you", push.getString("title"));
        assertEquals(RpcCaller.parse(addressed.body()).getJsonNumber("id"), push.getJsonNumber("id"));

        JsonObject broadcast = publish(topic, "For all");
        JsonObject topicPush = nextPush(topicSocket).getJsonObject("params");
        assertEquals(broadcast.getJsonNumber("id"), topicPush.getJsonNumber("id"), "the private one was not broadcast");
    }

    @Test
    void reportsPageNewestFirstFromTheCacheUntilItExpiresThenFromTheDatabase() throws Exception {
        String topic = topic();
        List<JsonObject> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(publish(topic, "n" + i));
        }
        JsonObject first =
                RpcCaller.parse(get(API_KEY, "topic=" + topic + "&size=2").body());
        assertEquals("database", first.getString("source"), first.toString());
        assertEquals(
                List.of(created.get(2).getJsonNumber("id"), created.get(1).getJsonNumber("id")),
                first.getJsonArray("items").stream()
                        .map(v -> v.asJsonObject().getJsonNumber("id"))
                        .toList());
        JsonObject second = RpcCaller.parse(
                get(API_KEY, "topic=" + topic + "&size=2&page=1").body());
        assertEquals("cache", second.getString("source"), second.toString());
        assertEquals(1, second.getJsonArray("items").size());
        assertEquals("n0", second.getJsonArray("items").getJsonObject(0).getString("title"));

        try (Connection db = DriverManager.getConnection(
                        config.get("txrx.db.url"), config.get("txrx.db.user"), config.get("txrx.db.password"));
                PreparedStatement change = db.prepareStatement("UPDATE notifications SET title = ? WHERE topic = ?")) {
            change.setString(1, "changed in the database");
            change.setString(2, topic);
            assertEquals(3, change.executeUpdate());
        }
        JsonObject cached = RpcCaller.parse(get(API_KEY, "topic=" + topic).body());
        assertEquals("cache", cached.getString("source"));
        assertEquals("n2", cached.getJsonArray("items").getJsonObject(0).getString("title"));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        JsonObject fresh = cached;
        while (!"database".equals(fresh.getString("source")) && System.nanoTime() < deadline) {
            Thread.sleep(100); // bounded polling until the TTL ends
            fresh = RpcCaller.parse(get(API_KEY, "topic=" + topic).body());
        }
        assertEquals("database", fresh.getString("source"), "the cache expires after its TTL of 3 s");
        assertEquals(
                "changed in the database",
                fresh.getJsonArray("items").getJsonObject(0).getString("title"));

        JsonObject overRpc = socket().call(
                        "notifications.list", "{\"auth\":\"" + API_KEY + "\",\"topic\":\"" + topic + "\",\"size\":1}");
        assertEquals(1, overRpc.getJsonObject("result").getJsonArray("items").size(), overRpc.toString());
        String from = created.get(1).getString("createdAt");
        JsonObject range =
                RpcCaller.parse(get(API_KEY, "topic=" + topic + "&from=" + from).body());
        assertEquals("database", range.getString("source"));
        assertEquals(2, range.getJsonArray("items").size(), range.toString());
    }

    @Test
    void badRequestsGetAClearError() throws Exception {
        String topic = topic();
        String valid = "{\"topic\":\"" + topic + "\",\"title\":\"t\",\"body\":\"b\"}";

        HttpResponse<String> noKey = post(null, valid);
        assertEquals(401, noKey.statusCode());
        assertEquals(-32001, RpcCaller.parse(noKey.body()).getInt("code"));
        assertEquals("Bearer", noKey.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> wrongKey = post("not-" + API_KEY, valid);
        assertEquals(401, wrongKey.statusCode(), wrongKey.body());
        assertEquals(401, get("wrong", "topic=" + topic).statusCode());

        HttpResponse<String> missing = post(API_KEY, "{\"topic\":\"" + topic + "\"}");
        assertEquals(400, missing.statusCode(), missing.body());
        JsonObject error = RpcCaller.parse(missing.body());
        assertEquals(-32602, error.getInt("code"));
        assertEquals(
                List.of("title", "body"),
                error.getJsonArray("data").stream()
                        .map(v -> v.asJsonObject().getString("field"))
                        .toList());
        assertEquals(400, post(API_KEY, "{\"topic\":").statusCode(), "not JSON");
        assertEquals(400, post(API_KEY, "[1,2]").statusCode(), "not an object");
        assertEquals(
                400, post(API_KEY, valid.replace("}", ",\"userId\":999999999}")).statusCode(), "no such user");

        String huge = "{\"topic\":\"" + topic + "\",\"title\":\"t\",\"body\":\"" + "x".repeat(10_000) + "\"}";
        HttpResponse<String> tooLarge = post(API_KEY, huge);
        assertEquals(413, tooLarge.statusCode(), tooLarge.body());
        assertEquals(-32009, RpcCaller.parse(tooLarge.body()).getInt("code"));

        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(api(""))
                        .header("Authorization", "Bearer " + API_KEY)
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(huge.getBytes(StandardCharsets.UTF_8))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(413, chunked.statusCode(), "without Content-Length too: " + chunked.body());

        HttpResponse<String> badStream = http.send(
                HttpRequest.newBuilder(api("/stream?topic=bad%20topic")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(400, badStream.statusCode(), badStream.body());
        assertEquals(400, get(API_KEY, "size=1000").statusCode());

        RpcCaller rpc = socket();
        assertEquals(-32602, errorCode(rpc.call("notifications.subscribe", "{}")));
        assertEquals(-32001, errorCode(rpc.call("notifications.publish", valid)));
        assertEquals(-32001, errorCode(rpc.call("notifications.list", null)));
        assertEquals(
                -32003,
                errorCode(rpc.call("channel.subscribe", "{\"channel\":\"notifications." + topic + "\"}")),
                "notification channels are not readable as channels");
        JsonValue published = rpc.call("notifications.publish", valid.replace("}", ",\"auth\":\"" + API_KEY + "\"}"))
                .get("result");
        assertEquals(topic, published.asJsonObject().getString("topic"), "a key works over the socket as well");
    }
}
