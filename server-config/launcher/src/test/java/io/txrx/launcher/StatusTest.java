package io.txrx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestRedis;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadGroupParams;

/**
 * {@code txrx status} against a real Redis holding what a running system writes: P2P heartbeats and a bye,
 * an RX stream, TX with its group and a pending call, and a second's call counts.
 */
class StatusTest {
    private static final String PREFIX =
            "txrx-test-" + UUID.randomUUID().toString().substring(0, 8) + ":";
    private static JedisPooled jedis;

    @TempDir
    Path runDir;

    @BeforeAll
    static void connect() {
        jedis = TestRedis.jedis();
    }

    @AfterAll
    static void cleanUp() {
        TestRedis.deleteKeys(PREFIX);
    }

    private static void p2p(String type, String from, String role) {
        jedis.xadd(
                PREFIX + "p2p",
                XAddParams.xAddParams(),
                Map.of("type", type, "from", from, "role", role, "ts", Long.toString(System.currentTimeMillis())));
    }

    @Test
    void printsTheLivePeersTheGatewaysTheStreamsAndTheRatesOfARunningSystem() throws Exception {
        p2p("heartbeat", "dispatcher-1", "dispatcher");
        p2p("heartbeat", "rpc-1", "rpc");
        p2p("heartbeat", "rpc-2", "rpc");
        p2p("bye", "rpc-2", "rpc");
        jedis.xadd(PREFIX + "rx:gw-1", StreamEntryID.NEW_ENTRY, Map.of("sid", "s"));
        jedis.xadd(PREFIX + "tx", StreamEntryID.NEW_ENTRY, Map.of("method", "ghost.wait"));
        jedis.xgroupCreate(PREFIX + "tx", "dispatchers", new StreamEntryID(0, 0), false);
        jedis.xreadGroup(
                "dispatchers",
                "dispatcher-1",
                XReadGroupParams.xReadGroupParams().count(1),
                Map.of(PREFIX + "tx", StreamEntryID.XREADGROUP_UNDELIVERED_ENTRY));
        jedis.hset(
                PREFIX + "rates:" + (System.currentTimeMillis() / 1000 - 1),
                Map.of("c|system.echo", "120", "c|auth.login", "6", "e|-32001|auth.login", "3"));
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        Console console = new Console(new PrintStream(printed, true, StandardCharsets.UTF_8));

        int code = Status.run(
                LaunchOptions.parse(
                        "status",
                        "--run-dir",
                        runDir.toString(),
                        "-e",
                        "TXRX_REDIS_URL=" + TestRedis.url(),
                        "-e",
                        "TXRX_PREFIX=" + PREFIX),
                console,
                Map.of());

        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.matches("(?s).*\\n  dispatcher +dispatcher-1 +heard \\d+\\.\\d s ago\\n.*"), out);
        assertTrue(out.contains("  rpc              rpc-1"), out);
        assertTrue(!out.contains("rpc-2"), "a peer that said bye is gone: " + out);
        assertTrue(out.contains("  gateway          gw-1\n"), out);
        assertTrue(out.matches("(?s).*\\n  " + PREFIX + "tx +1  dispatchers +1 +(0|-) +1\\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  system\\.echo +120 +2\\.000 +0\\.000  \\n.*"), out);
        assertTrue(out.matches("(?s).*\\n  auth\\.login +6 +0\\.100 +0\\.050  \\{-32001=3}\\n.*"), out);
    }

    @Test
    void findsTheEmbeddedRedisOfARunningLaunchThroughItsRunFolder() throws Exception {
        Files.writeString(runDir.resolve(Status.URL_FILE), TestRedis.url());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        int code = Status.run(
                LaunchOptions.parse("status", "--run-dir", runDir.toString(), "-e", "TXRX_PREFIX=" + PREFIX + "none:"),
                new Console(new PrintStream(printed, true, StandardCharsets.UTF_8)),
                Map.of());

        String out = printed.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, out);
        assertTrue(out.contains("no dispatcher or rpc peer heard") && out.contains("no calls"), out);
    }
}
