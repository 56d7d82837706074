package io.txrx.handlers.auth.boundary;

import static io.txrx.testing.RpcCaller.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.handlers.system.boundary.Deployments;
import io.txrx.testing.RpcCaller;
import io.txrx.testing.TestConfig;
import io.txrx.testing.WsClient;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
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
 * Users, sign-in and sessions over the socket, on real PostgreSQL and Redis, every role in one Micro: and
 * how a logout, a disabled user or a changed password reaches the user's other sockets.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuthIT {
    private static final String ADMIN_PASSWORD = "admin-" + UUID.randomUUID();
    private static final long FAILURE_WINDOW_MS = 3000;
    private static final Duration SIGN_OUT_WITHIN = Duration.ofSeconds(1);
    private static final Path SEED_PASSWORDS =
            Path.of("target", "auth-it-" + UUID.randomUUID(), "seed-passwords").toAbsolutePath();
    private static TestConfig config;

    @ArquillianResource
    URL base;

    private final List<WsClient> sockets = new ArrayList<>();

    @Deployment
    static WebArchive deployment() {
        config = TestConfig.forTest()
                .with("txrx.auth.pbkdf2-iterations", "1024")
                .with("txrx.auth.admin.password", ADMIN_PASSWORD)
                .with("txrx.auth.max-failures-per-account", "3")
                .with("txrx.auth.failure-window-ms", Long.toString(FAILURE_WINDOW_MS))
                .with("txrx.seed.demo", "true")
                .with(Deployments.PASSWORD_FILE, SEED_PASSWORDS.toString());
        return Deployments.allRolesWithDatabase(config);
    }

    @AfterEach
    void closeSockets() {
        sockets.forEach(WsClient::close);
    }

    private RpcCaller socket() {
        return new RpcCaller(client());
    }

    private WsClient client() {
        WsClient client = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
        sockets.add(client);
        return client;
    }

    /**
     * The {@code auth.signedOut} notification the socket gets within a second of {@code since} (nanoTime),
     * or the test fails.
     */
    private static JsonObject signedOut(WsClient client, long since) throws InterruptedException {
        Duration left = SIGN_OUT_WITHIN.minusNanos(System.nanoTime() - since);
        String pushed = client.poll(left.isNegative() ? Duration.ZERO : left);
        assertNotNull(pushed, "no auth.signedOut within " + SIGN_OUT_WITHIN);
        JsonObject notification = RpcCaller.parse(pushed);
        assertEquals("auth.signedOut", notification.getString("method"), pushed);
        assertFalse(notification.containsKey("id"), "a notification: " + pushed);
        return notification.getJsonObject("params");
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private static JsonObject register(RpcCaller rpc, String name, String password) throws InterruptedException {
        return rpc.call(
                "auth.register",
                "{\"email\":\"" + name + "@example.org\",\"username\":\"" + name + "\",\"displayName\":\"" + name
                        + "\",\"password\":\"" + password + "\"}");
    }

    private static JsonObject login(RpcCaller rpc, String login, String password) throws InterruptedException {
        return rpc.call("auth.login", "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}");
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(
                config.get("txrx.db.url"), config.get("txrx.db.user"), config.get("txrx.db.password"));
    }

    @Test
    void registerLoginMeLogoutThenMeFails() throws Exception {
        RpcCaller rpc = socket();
        String name = "u" + unique();
        JsonObject registered = register(rpc, name, "correct horse");
        assertEquals(name, registered.getJsonObject("result").getString("username"), registered.toString());
        assertEquals(-32001, errorCode(rpc.call("auth.me", null)), "not signed in yet");

        JsonObject session = login(rpc, name + "@example.org", "correct horse").getJsonObject("result");
        assertFalse(session.getString("token").isEmpty());
        assertEquals(name, rpc.call("auth.me", null).getJsonObject("result").getString("username"));

        assertTrue(rpc.call("auth.logout", null).getBoolean("result"));
        assertEquals(-32001, errorCode(rpc.call("auth.me", null)));
    }

    @Test
    void aSecondSocketResumesWithTheTokenUntilItIsRevokedOrExpired() throws Exception {
        RpcCaller first = socket();
        String name = "u" + unique();
        register(first, name, "correct horse");
        String token =
                login(first, name, "correct horse").getJsonObject("result").getString("token");

        RpcCaller second = socket();
        JsonObject resumed = second.call("auth.resume", "{\"token\":\"" + token + "\"}");
        assertEquals(
                name, resumed.getJsonObject("result").getJsonObject("user").getString("username"), resumed.toString());
        assertEquals(name, second.call("auth.me", null).getJsonObject("result").getString("username"));

        first.call("auth.logout", null);
        assertEquals(-32001, errorCode(socket().call("auth.resume", "{\"token\":\"" + token + "\"}")), "revoked");

        String other =
                login(first, name, "correct horse").getJsonObject("result").getString("token");
        try (Connection db = database();
                PreparedStatement expire = db.prepareStatement(
                        "UPDATE login_sessions SET expires_at = (now() AT TIME ZONE 'utc') - interval '1 minute' WHERE revoked_at IS NULL")) {
            expire.executeUpdate();
        }
        assertEquals(-32001, errorCode(socket().call("auth.resume", "{\"token\":\"" + other + "\"}")), "expired");
        assertEquals(-32001, errorCode(socket().call("auth.resume", "{\"token\":\"made-up\"}")));
    }

    @Test
    void aLogoutSignsOutEverySocketOfThatSessionAtOnce() throws Exception {
        RpcCaller first = socket();
        String name = "u" + unique();
        register(first, name, "correct horse");
        String token =
                login(first, name, "correct horse").getJsonObject("result").getString("token");
        WsClient resumed = client();
        RpcCaller second = new RpcCaller(resumed);
        assertEquals(0, errorCode(second.call("auth.resume", "{\"token\":\"" + token + "\"}")));
        RpcCaller otherSession = socket();
        login(otherSession, name, "correct horse");

        long start = System.nanoTime();
        assertTrue(first.call("auth.logout", null).getBoolean("result"));

        assertEquals("logout", signedOut(resumed, start).getString("reason"));
        assertEquals(-32001, errorCode(second.call("auth.me", null)), "the resumed socket is signed out");
        assertEquals(-32001, errorCode(first.call("auth.me", null)));
        assertEquals(0, errorCode(otherSession.call("auth.me", null)), "another session of the user stays");
    }

    @Test
    void disablingAUserSignsOutAllTheirSocketsAndEndsTheirPrivateChannel() throws Exception {
        RpcCaller rpc = socket();
        String name = "u" + unique();
        register(rpc, name, "correct horse");
        long id = login(rpc, name, "correct horse")
                .getJsonObject("result")
                .getJsonObject("user")
                .getJsonNumber("id")
                .longValue();
        WsClient firstClient = client();
        RpcCaller first = new RpcCaller(firstClient);
        login(first, name, "correct horse");
        assertEquals(0, errorCode(first.call("channel.subscribe", "{\"channel\":\"user:" + id + "\"}")));
        WsClient secondClient = client();
        RpcCaller second = new RpcCaller(secondClient);
        login(second, name, "correct horse");
        RpcCaller admin = socket();
        assertEquals(0, errorCode(login(admin, "admin", ADMIN_PASSWORD)));

        long start = System.nanoTime();
        JsonObject disabled = admin.call("auth.disable", "{\"userId\":" + id + "}");
        assertTrue(disabled.getJsonObject("result").getBoolean("disabled"), disabled.toString());

        JsonObject firstTold = signedOut(firstClient, start);
        assertEquals("disabled", firstTold.getString("reason"));
        assertEquals(
                "[\"user:" + id + "\"]", firstTold.getJsonArray("unsubscribed").toString());
        assertEquals("disabled", signedOut(secondClient, start).getString("reason"));
        assertEquals(-32001, errorCode(first.call("auth.me", null)));
        assertEquals(-32001, errorCode(second.call("auth.me", null)));
        assertEquals(-32001, errorCode(rpc.call("auth.me", null)));
        assertEquals(0, errorCode(admin.call("auth.me", null)), "the admin stays signed in");
    }

    @Test
    void changingThePasswordSignsOutTheUsersOtherSessions() throws Exception {
        RpcCaller changer = socket();
        String name = "u" + unique();
        register(changer, name, "correct horse");
        String token =
                login(changer, name, "correct horse").getJsonObject("result").getString("token");
        WsClient sameSessionClient = client();
        RpcCaller sameSession = new RpcCaller(sameSessionClient);
        sameSession.call("auth.resume", "{\"token\":\"" + token + "\"}");
        WsClient otherClient = client();
        RpcCaller other = new RpcCaller(otherClient);
        login(other, name, "correct horse");

        long start = System.nanoTime();
        JsonObject changed = changer.call(
                "auth.changePassword", "{\"currentPassword\":\"correct horse\",\"newPassword\":\"battery staple\"}");
        assertTrue(changed.getBoolean("result"), changed.toString());

        assertEquals("passwordChanged", signedOut(otherClient, start).getString("reason"));
        assertEquals(-32001, errorCode(other.call("auth.me", null)), "the other session is signed out");
        assertEquals(0, errorCode(changer.call("auth.me", null)), "the socket that changed it stays signed in");
        assertEquals(0, errorCode(sameSession.call("auth.me", null)), "and so does its session on another socket");
        assertNull(sameSessionClient.poll(Duration.ZERO), "which was told nothing");
        assertEquals(0, errorCode(login(other, name, "battery staple")), "the new password signs in");
    }

    @Test
    void theGeneratedDemoPasswordIsInAFileOnlyItsOwnerCanRead() throws Exception {
        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(SEED_PASSWORDS));
        Properties users = new Properties();
        try (var in = Files.newBufferedReader(SEED_PASSWORDS)) {
            users.load(in);
        }
        assertEquals(Set.of("ada", "grace", "linus"), users.stringPropertyNames(), "the admin's was configured");
        JsonObject signedIn = login(socket(), "ada", users.getProperty("ada"));
        assertEquals(
                "ada", signedIn.getJsonObject("result").getJsonObject("user").getString("username"));
    }

    @Test
    void wrongPasswordAndUnknownUserGiveTheSameError() throws Exception {
        RpcCaller rpc = socket();
        String name = "u" + unique();
        register(rpc, name, "correct horse");
        JsonObject wrongPassword = login(rpc, name, "wrong horse").getJsonObject("error");
        JsonObject unknownUser = login(rpc, "nobody-" + unique(), "wrong horse").getJsonObject("error");
        assertEquals(-32001, wrongPassword.getInt("code"));
        assertEquals(wrongPassword, unknownUser);
    }

    @Test
    void theSignInLimitTripsAndResets() throws Exception {
        RpcCaller rpc = socket();
        String name = "u" + unique();
        register(rpc, name, "correct horse");
        for (int i = 0; i < 3; i++) {
            assertEquals(-32001, errorCode(login(rpc, name, "wrong horse")));
        }
        assertEquals(-32005, errorCode(login(socket(), name, "correct horse")), "the account is locked for now");
        Thread.sleep(FAILURE_WINDOW_MS + 500);
        assertEquals(0, errorCode(login(socket(), name, "correct horse")), "the window has passed");
    }

    @Test
    void adminMethodsAreRefusedToUsersAndAllowedToTheSeededAdmin() throws Exception {
        RpcCaller anonymous = socket();
        assertEquals(-32001, errorCode(anonymous.call("auth.users", "{}")));

        RpcCaller user = socket();
        String name = "u" + unique();
        register(user, name, "correct horse");
        login(user, name, "correct horse");
        assertEquals(-32003, errorCode(user.call("auth.users", "{}")));

        RpcCaller admin = socket();
        assertEquals(0, errorCode(login(admin, "admin", ADMIN_PASSWORD)));
        JsonObject page = admin.call("auth.users", "{\"page\":0,\"size\":100}").getJsonObject("result");
        assertTrue(page.getJsonNumber("total").longValue() >= 2, page.toString());
        assertTrue(page.getJsonArray("items").toString().contains("\"username\":\"admin\""));
    }

    @Test
    void fieldsAClientAddsToItsFrameGrantNothing() throws Exception {
        WsClient client = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
        sockets.add(client);
        client.send("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"auth.users\",\"params\":{},\"user\":\"admin\","
                + "\"gw\":\"x\",\"bind\":{\"id\":\"1\",\"name\":\"admin\",\"roles\":[\"admin\"],\"session\":\"\"}}");
        assertEquals(-32001, errorCode(RpcCaller.parse(client.next(java.time.Duration.ofSeconds(15)))));
        RpcCaller rpc = new RpcCaller(client);
        assertEquals(-32001, errorCode(rpc.call("auth.me", "{\"user\":{\"id\":\"1\",\"roles\":[\"admin\"]}}")));
    }

    @Test
    void aPrivateChannelIsReadableOnlyByItsUser() throws Exception {
        RpcCaller ann = socket();
        String annName = "u" + unique();
        register(ann, annName, "correct horse");
        long annId = login(ann, annName, "correct horse")
                .getJsonObject("result")
                .getJsonObject("user")
                .getJsonNumber("id")
                .longValue();
        RpcCaller bob = socket();
        String bobName = "u" + unique();
        register(bob, bobName, "correct horse");
        login(bob, bobName, "correct horse");

        assertEquals(-32003, errorCode(bob.call("channel.subscribe", "{\"channel\":\"user:" + annId + "\"}")));
        assertEquals(0, errorCode(ann.call("channel.subscribe", "{\"channel\":\"user:" + annId + "\"}")));
        assertEquals(-32001, errorCode(socket().call("channel.subscribe", "{\"channel\":\"news\"}")), "not signed in");
        assertEquals(0, errorCode(bob.call("channel.subscribe", "{\"channel\":\"news\"}")), "signed in");
    }

    @Test
    void passwordsAreStoredOnlyAsHashes() throws Exception {
        RpcCaller rpc = socket();
        String name = "u" + unique();
        String password = "secret-" + unique();
        register(rpc, name, password);
        try (Connection db = database();
                PreparedStatement select = db.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            select.setString(1, name);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next());
                String stored = row.getString(1);
                assertFalse(stored.contains(password));
                assertTrue(stored.startsWith("PBKDF2WithHmacSHA512:"), stored);
            }
        }
        try (Connection db = database();
                ResultSet tokens = db.createStatement().executeQuery("SELECT token_hash FROM login_sessions")) {
            while (tokens.next()) {
                assertEquals(64, tokens.getString(1).length(), "only the SHA-256 of a token is kept");
            }
        }
    }

    @Test
    void aTakenEmailIsAClearConflict() throws Exception {
        RpcCaller rpc = socket();
        String name = "u" + unique();
        register(rpc, name, "correct horse");
        JsonObject again = register(rpc, name, "correct horse");
        assertEquals(-32010, errorCode(again), again.toString());
    }

    @Test
    void profilesValidateAndUpdate() throws Exception {
        RpcCaller rpc = socket();
        String name = "u" + unique();
        register(rpc, name, "correct horse");
        login(rpc, name, "correct horse");
        JsonObject invalid = rpc.call("profile.update", "{\"displayName\":\"\",\"bio\":\"" + "x".repeat(501) + "\"}");
        assertEquals(-32602, errorCode(invalid));
        String fields = invalid.getJsonObject("error").getJsonArray("data").toString();
        assertTrue(fields.contains("\"field\":\"displayName\"") && fields.contains("\"field\":\"bio\""), fields);

        rpc.call("profile.update", "{\"displayName\":\"Ada L.\",\"bio\":\"math\",\"location\":\"London\"}");
        JsonObject profile = rpc.call("profile.get", null).getJsonObject("result");
        assertEquals("Ada L.", profile.getString("displayName"));
        assertEquals("London", profile.getString("location"));
    }
}
