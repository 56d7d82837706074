package io.txrx.handlers.chat.boundary;

import static io.txrx.testing.RpcCaller.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.txrx.handlers.system.boundary.Deployments;
import io.txrx.testing.RpcCaller;
import io.txrx.testing.TestConfig;
import io.txrx.testing.TestRedis;
import io.txrx.testing.WsClient;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.URL;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.clients.jedis.StreamEntryID;

/**
 * Chat and presence over the socket, every role in one Micro on real Redis and PostgreSQL: users registered
 * and signed in through {@code auth}, messages pushed to both users' sockets, persisted once, paged, read.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChatIT {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final long POLL_MS = 100;
    private static final int RATE = 30;
    private static final int MAX_TEXT = 100;
    private static TestConfig config;

    @ArquillianResource
    URL base;

    private final List<WsClient> sockets = new ArrayList<>();

    /** A signed-in socket of a user. */
    private record User(String name, long id, RpcCaller rpc, WsClient socket) {
        JsonObject call(String method, String params) throws InterruptedException {
            return rpc.call(method, params);
        }

        JsonObject result(String method, String params) throws InterruptedException {
            JsonObject reply = rpc.call(method, params);
            assertTrue(reply.containsKey("result"), method + " " + params + ": " + reply);
            return reply.asJsonObject();
        }

        /** The next push, as an object. */
        JsonObject push() throws InterruptedException {
            return RpcCaller.parse(socket.next(WAIT));
        }
    }

    @Deployment
    static WebArchive deployment() {
        config = TestConfig.forTest()
                .with("txrx.auth.pbkdf2-iterations", "1024")
                .with("txrx.chat.rate-per-second", Integer.toString(RATE))
                .with("txrx.chat.max-text-length", Integer.toString(MAX_TEXT));
        return Deployments.allRolesWithDatabase(config);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(WsClient::close);
    }

    @AfterAll
    static void deleteKeys() {
        TestRedis.deleteKeys(config.get("txrx.prefix"));
    }

    @Test
    void aMessageIsPushedToEverySocketOfTheRecipientAndToTheSendersOtherSockets() throws Exception {
        User aliceLaptop = register("alice");
        User alicePhone = signIn(aliceLaptop.name());
        User bobLaptop = register("bob");
        User bobPhone = signIn(bobLaptop.name());

        JsonObject sent = send(aliceLaptop, bobLaptop.name(), "hello bob");
        String id = sent.getString("id");
        assertFalse(sent.getString("at").isEmpty(), sent.toString());

        for (User socket : List.of(bobLaptop, bobPhone, alicePhone)) {
            JsonObject push = socket.push();
            assertEquals("chat.message", push.getString("method"), push.toString());
            JsonObject message = push.getJsonObject("params");
            assertEquals(id, message.getString("id"));
            assertEquals("hello bob", message.getString("text"));
            assertEquals(aliceLaptop.name(), message.getJsonObject("from").getString("username"));
            assertEquals(
                    aliceLaptop.id(),
                    message.getJsonObject("from").getJsonNumber("id").longValue());
            assertEquals(
                    bobLaptop.id(),
                    message.getJsonObject("to").getJsonNumber("id").longValue());
            assertEquals(sent.getString("at"), message.getString("at"));
        }
        String reply = send(bobPhone, aliceLaptop.name(), "hi alice").getString("id");
        assertEquals(
                reply,
                aliceLaptop.push().getJsonObject("params").getString("id"),
                "the sending socket got no push of its own message: its next push is Bob's reply");
    }

    @Test
    void historyPagesBackwardsByKeysetAndStaysStableWhileMessagesArrive() throws Exception {
        User alice = register("alice");
        User bob = register("bob");
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            ids.add(send(alice, bob.name(), "m" + i).getString("id"));
        }

        JsonObject first = history(bob, alice.name(), null, 2);
        assertEquals(List.of("m4", "m5"), texts(first), "the newest page, oldest first, at once (read-your-writes)");
        assertEquals(ids.get(3), first.getString("next"));

        send(bob, alice.name(), "m6");
        send(alice, bob.name(), "m7");
        JsonObject second = history(bob, alice.name(), first.getString("next"), 2);
        assertEquals(List.of("m2", "m3"), texts(second), "new messages do not shift the older pages");
        JsonObject third = history(alice, bob.id(), second.getString("next"), 2);
        assertEquals(List.of("m1"), texts(third));
        assertEquals(JsonValue.NULL, third.get("next"));
        assertEquals(List.of("m5", "m6", "m7"), texts(history(alice, bob.name(), null, 3)));
    }

    @Test
    void everyMessageIsPersistedOnceEvenWhenTheWriterReadsTheStreamAgain() throws Exception {
        User alice = register("alice");
        User bob = register("bob");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add(send(i % 2 == 0 ? alice : bob, i % 2 == 0 ? bob.name() : alice.name(), "n" + i)
                    .getString("id"));
        }
        awaitRows(alice.id(), bob.id(), 20);

        // as if every writer had died before acking anything: the group reads the whole stream again
        TestRedis.jedis().xgroupSetID(config.get("txrx.prefix") + "chat", "chat-writer", new StreamEntryID(0, 0));
        String last = send(alice, bob.name(), "after the replay").getString("id");
        awaitRows(alice.id(), bob.id(), 21);
        ids.add(last);

        assertEquals(ids, storedIds(alice.id(), bob.id()), "each message once, in sending order");
    }

    @Test
    void anOfflineRecipientFindsItsMessagesUnreadAndMarksThemRead() throws Exception {
        User alice = register("alice");
        String bob = "bob" + unique();
        registerOnly(bob);
        List<String> ids = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            ids.add(send(alice, bob, "while you were away " + i).getString("id"));
        }

        User bobNow = signIn(bob);
        JsonArray unread =
                bobNow.result("chat.unread", null).getJsonObject("result").getJsonArray("messages");
        assertEquals(
                ids, unread.stream().map(m -> m.asJsonObject().getString("id")).toList());

        JsonObject read = bobNow.result(
                        "chat.read", "{\"peer\":\"" + alice.name() + "\",\"upTo\":\"" + ids.get(1) + "\"}")
                .getJsonObject("result");
        assertEquals(2, read.getInt("read"), read.toString());
        assertEquals(alice.name(), read.getJsonObject("peer").getString("username"));
        assertEquals(
                0,
                bobNow.result("chat.read", "{\"peer\":\"" + alice.name() + "\",\"upTo\":\"" + ids.get(0) + "\"}")
                        .getJsonObject("result")
                        .getInt("read"),
                "a read mark never goes back");
        assertEquals(
                List.of(ids.get(2)),
                bobNow.result("chat.unread", null).getJsonObject("result").getJsonArray("messages").stream()
                        .map(m -> m.asJsonObject().getString("id"))
                        .toList());

        User carol = register("carol");
        send(carol, bob, "me too");
        JsonArray conversations = bobNow.result("chat.conversations", null).getJsonArray("result");
        assertEquals(2, conversations.size(), conversations.toString());
        JsonObject latest = conversations.getJsonObject(0);
        assertEquals(carol.name(), latest.getJsonObject("peer").getString("username"), "most recent first");
        assertEquals("me too", latest.getJsonObject("last").getString("text"));
        assertEquals(1, latest.getInt("unread"));
        JsonObject withAlice = conversations.getJsonObject(1);
        assertEquals(alice.name(), withAlice.getJsonObject("peer").getString("username"));
        assertEquals(ids.get(2), withAlice.getJsonObject("last").getString("id"));
        assertEquals(1, withAlice.getInt("unread"));
    }

    @Test
    void aReadMarkNeverPassesTheLastMessageSoLaterOnesStayUnread() throws Exception {
        User alice = register("alice");
        User bob = register("bob");
        send(alice, bob.name(), "now");

        JsonObject read = bob.result("chat.read", "{\"peer\":" + alice.id() + ",\"upTo\":\"9999999999999-0\"}")
                .getJsonObject("result");
        assertEquals(1, read.getInt("read"), read.toString());
        String later = send(alice, bob.name(), "later").getString("id");

        assertEquals(
                List.of(later),
                bob.result("chat.unread", null).getJsonObject("result").getJsonArray("messages").stream()
                        .map(m -> m.asJsonObject().getString("id"))
                        .toList());
    }

    @Test
    void aThirdUserCannotReadOrMarkAConversationOfOthers() throws Exception {
        User alice = register("alice");
        User bob = register("bob");
        User carol = register("carol");
        String secret = send(alice, bob.name(), "between us").getString("id");

        assertEquals(List.of(), texts(history(carol, alice.name(), null, 50)));
        assertEquals(List.of(), texts(history(carol, bob.name(), null, 50)));
        assertEquals(
                0,
                carol.result("chat.conversations", null).getJsonArray("result").size());
        assertEquals(
                0,
                carol.result("chat.unread", null)
                        .getJsonObject("result")
                        .getJsonArray("messages")
                        .size());
        assertEquals(
                0,
                carol.result("chat.read", "{\"peer\":\"" + alice.name() + "\",\"upTo\":\"" + secret + "\"}")
                        .getJsonObject("result")
                        .getInt("read"));
        assertEquals(
                1,
                bob.result("chat.unread", null)
                        .getJsonObject("result")
                        .getJsonArray("messages")
                        .size(),
                "still unread for Bob");
        assertEquals(-32001, errorCode(socket().call("chat.history", "{\"peer\":\"" + alice.name() + "\"}")));
    }

    @Test
    void limitsAreClearErrors() throws Exception {
        User alice = register("alice");
        User bob = register("bob");

        JsonObject tooLong = alice.call("chat.send", to(bob.name(), "x".repeat(MAX_TEXT + 1)));
        assertEquals(-32602, errorCode(tooLong), tooLong.toString());
        assertEquals(
                "text",
                tooLong.getJsonObject("error")
                        .getJsonArray("data")
                        .getJsonObject(0)
                        .getString("field"));
        JsonObject unknown = alice.call("chat.send", to("nobody" + unique(), "hi"));
        assertEquals(-32602, errorCode(unknown), unknown.toString());
        assertEquals(
                "to",
                unknown.getJsonObject("error")
                        .getJsonArray("data")
                        .getJsonObject(0)
                        .getString("field"));
        JsonObject self = alice.call("chat.send", to(alice.name(), "hi me"));
        assertEquals(-32602, errorCode(self), self.toString());
        assertEquals(-32602, errorCode(alice.call("chat.send", "{\"to\":\"" + bob.name() + "\"}")));
        assertEquals(-32001, errorCode(socket().call("chat.send", to(bob.name(), "anonymous"))));

        int limited = 0;
        for (int i = 0; i < RATE * 3 && limited == 0; i++) {
            JsonObject reply = alice.call("chat.send", to(bob.name(), "flood " + i));
            if (errorCode(reply) == -32005) {
                limited++;
            } else {
                assertEquals(0, errorCode(reply), reply.toString());
            }
        }
        assertEquals(1, limited, "more than " + RATE + " a second are refused with -32005");
    }

    @Test
    void watchersHearAUserComeAndGoWhileAnySocketOfTheUserIsOpen() throws Exception {
        User alice = register("alice");
        String bob = "bob" + unique();
        registerOnly(bob);

        JsonObject now =
                alice.result("presence.watch", "{\"users\":[\"" + bob + "\"]}").getJsonObject("result");
        assertFalse(now.getBoolean(bob), now.toString());

        User bobLaptop = signIn(bob);
        assertChanged(alice.push(), bob, true);
        JsonObject online = alice.result("presence.online", "{\"users\":[\"" + bob + "\",\"nobody" + unique() + "\"]}")
                .getJsonObject("result");
        assertTrue(online.getBoolean(bob), online.toString());
        assertEquals(2, online.size());

        User bobPhone = signIn(bob);
        bobLaptop.socket().close();
        JsonObject stillOnline =
                alice.result("presence.online", "{\"users\":[\"" + bob + "\"]}").getJsonObject("result");
        assertTrue(stillOnline.getBoolean(bob), "the phone is still open");
        bobPhone.socket().close();
        assertChanged(alice.push(), bob, false);

        assertEquals(
                1,
                alice.result("presence.unwatch", "{\"users\":[\"" + bob + "\"]}")
                        .getJsonObject("result")
                        .getInt("unwatched"));
        assertEquals(-32602, errorCode(alice.call("presence.online", "{\"users\":\"" + bob + "\"}")));
        assertEquals(-32001, errorCode(socket().call("presence.online", "{\"users\":[\"" + bob + "\"]}")));
    }

    private static void assertChanged(JsonObject push, String user, boolean online) {
        assertEquals("presence.changed", push.getString("method"), push.toString());
        assertEquals(user, push.getJsonObject("params").getString("user"));
        assertEquals(online, push.getJsonObject("params").getBoolean("online"), push.toString());
    }

    private JsonObject send(User from, String to, String text) throws InterruptedException {
        return from.result("chat.send", to(to, text)).getJsonObject("result");
    }

    private static String to(String to, String text) {
        return "{\"to\":\"" + to + "\",\"text\":\"" + text + "\"}";
    }

    private static JsonObject history(User user, Object peer, String before, int limit) throws InterruptedException {
        String peerJson = peer instanceof String name ? "\"" + name + "\"" : peer.toString();
        String params = "{\"peer\":" + peerJson + ",\"limit\":" + limit
                + (before == null ? "" : ",\"before\":\"" + before + "\"") + "}";
        return user.result("chat.history", params).getJsonObject("result");
    }

    private static List<String> texts(JsonObject page) {
        return page.getJsonArray("messages").stream()
                .map(m -> m.asJsonObject().getString("text"))
                .toList();
    }

    private RpcCaller socket() {
        WsClient client = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
        sockets.add(client);
        return new RpcCaller(client);
    }

    private User register(String prefix) throws InterruptedException {
        String name = prefix + unique();
        registerOnly(name);
        return signIn(name);
    }

    private void registerOnly(String name) throws InterruptedException {
        JsonObject registered = socket().call(
                        "auth.register",
                        "{\"email\":\"" + name + "@example.org\",\"username\":\"" + name + "\",\"displayName\":\""
                                + name + "\",\"password\":\"correct horse\"}");
        assertEquals(0, errorCode(registered), registered.toString());
    }

    private User signIn(String name) throws InterruptedException {
        WsClient client = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
        sockets.add(client);
        RpcCaller rpc = new RpcCaller(client);
        JsonObject session = rpc.call("auth.login", "{\"login\":\"" + name + "\",\"password\":\"correct horse\"}");
        assertEquals(0, errorCode(session), session.toString());
        long id = session.getJsonObject("result")
                .getJsonObject("user")
                .getJsonNumber("id")
                .longValue();
        return new User(name, id, rpc, client);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static void awaitRows(long a, long b, int count) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int stored;
        do {
            stored = storedIds(a, b).size();
            if (stored == count) {
                return;
            }
            Thread.sleep(POLL_MS);
        } while (System.nanoTime() < deadline);
        fail("expected " + count + " stored messages within " + WAIT + ", found " + stored);
    }

    private static List<String> storedIds(long a, long b) throws SQLException {
        try (Connection db = DriverManager.getConnection(
                        config.get("txrx.db.url"), config.get("txrx.db.user"), config.get("txrx.db.password"));
                PreparedStatement select = db.prepareStatement("SELECT id_ms, id_seq FROM chat_messages"
                        + " WHERE user_low = ? AND user_high = ? ORDER BY id_ms, id_seq")) {
            select.setLong(1, Math.min(a, b));
            select.setLong(2, Math.max(a, b));
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1) + "-" + rows.getLong(2));
                }
            }
            return ids;
        }
    }
}
