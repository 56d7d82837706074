package io.txrx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.client.GatewaySocket;
import io.txrx.launcher.MicroProcess;
import io.txrx.launcher.PingProbe;
import io.txrx.launcher.Role;
import io.txrx.testing.OwnRedis;
import jakarta.json.JsonObject;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer.OrderAnnotation;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;
import redis.clients.jedis.resps.StreamEntry;

/**
 * What production does to the system, under paced echo load from several sockets, on a Redis of the test's
 * own: an rpc instance and then a dispatcher are SIGKILLed (a second one of each is running) and replacements
 * started; Redis is killed and started again empty, then again with the AOF on; an rpc instance is stopped
 * cleanly under load and every other role is stopped with SIGTERM while Redis is down. Each phase logs one
 * {@code CHAOS} line with its figures; replies are counted per call on the sockets and on the gateway's RX
 * stream, so a call run twice shows even though the gateway drops the second reply.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(OrderAnnotation.class)
class ChaosIT {

    private static final Logger LOG = Logger.getLogger(ChaosIT.class.getName());
    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final Duration FLOW = Duration.ofSeconds(60);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PACE = Duration.ofMillis(40); // 25 calls/s per socket
    private static final int SOCKETS = 4;
    private static final int BURST = 200;
    /** A call a killed process held is answered this soon: well within the call timeout. */
    private static final long TAKEOVER_MS = 12_000;
    /** Calls succeed again this soon after Redis accepts connections. */
    private static final long RECOVERY_MS = 5_000;

    private OwnRedis redis;
    private SystemUnderTest system;
    private final Map<String, MicroProcess> processes = new HashMap<>();
    private final List<GatewaySocket> sockets = new ArrayList<>();

    @BeforeAll
    void startTwoOfEachBehindOneGateway() throws Exception {
        Path runDir = Path.of("target", "chaos-run").toAbsolutePath();
        redis = OwnRedis.start(runDir.resolve("redis"));
        // RX keeps every reply of the run, so that the test can count them per call
        system = new SystemUnderTest(runDir, Map.of("TXRX_STREAM_RX_MAX_LEN", "10000000"), redis.url());
        for (String name : List.of("gateway", "dispatcher-1", "dispatcher-2", "rpc-1", "rpc-2")) {
            start(name);
        }
        for (MicroProcess process : processes.values()) {
            process.awaitReady(BOOT);
        }
        for (int i = 0; i < SOCKETS; i++) {
            sockets.add(GatewaySocket.open(processes.get("gateway").gatewayUri(), Duration.ofSeconds(30)));
        }
        JsonObject pong = sockets.get(0).call("system.ping", null).get(FLOW.toSeconds(), TimeUnit.SECONDS);
        assertTrue(PingProbe.isPong(pong.toString()), () -> "not a pong: " + pong);
    }

    @Test
    @Order(1)
    void aKilledRpcInstanceLosesNoCall() throws Exception {
        long since = System.currentTimeMillis();
        EchoLoad load = new EchoLoad("rpc-kill", sockets, PACE);
        load.awaitAnswered(100, FLOW);
        int held = killHolding("rpc-1", load, system.prefix() + "rpc:system");
        start("rpc-3");
        load.awaitAnswered(300, FLOW);
        awaitDone(load, load.calls(call -> !call.done()));
        load.stop();

        EchoLoad.Figures figures = load.figures(CALL_TIMEOUT.plusSeconds(10), busDuplicates(since), -1);
        LOG.info(figures.line() + " held-by-the-killed-one=" + held);
        assertEveryCallAnsweredOnceWithItsResult(figures);
        assertTrue(held > 0, "the killed process held no call");
        assertTrue(figures.slowestMs() < TAKEOVER_MS, "a call waited " + figures.slowestMs() + " ms for its reply");
    }

    @Test
    @Order(2)
    void aKilledDispatcherLosesNoCallAndTheReplacementsJoinUnderLoad() throws Exception {
        long since = System.currentTimeMillis();
        EchoLoad load = new EchoLoad("dispatcher-kill", sockets, PACE);
        load.awaitAnswered(100, FLOW);
        int held = killHolding("dispatcher-1", load, system.prefix() + "tx");
        start("dispatcher-3");
        load.awaitAnswered(300, FLOW);
        processes.get("rpc-3").awaitReady(BOOT);
        processes.get("dispatcher-3").awaitReady(BOOT);
        load.awaitAnswered(200, FLOW); // a fresh dispatcher and rpc instance among the others
        load.stop();

        EchoLoad.Figures figures = load.figures(CALL_TIMEOUT.plusSeconds(10), busDuplicates(since), -1);
        LOG.info(figures.line() + " held-by-the-killed-one=" + held);
        assertEveryCallAnsweredOnceWithItsResult(figures);
        assertTrue(held > 0, "the killed process held no call");
        assertTrue(figures.slowestMs() < TAKEOVER_MS, "a call waited " + figures.slowestMs() + " ms for its reply");
    }

    @Test
    @Order(3)
    void redisRestartedEmptyServesAgainWithinSecondsAndEveryCallInFlightIsAnswered() throws Exception {
        EchoLoad load = new EchoLoad("redis-empty", sockets, PACE);
        load.awaitAnswered(100, FLOW);
        load.burst(BURST);
        long killedAt = System.currentTimeMillis();
        redis.kill();
        List<EchoLoad.Call> inFlight = load.calls(call -> !call.done() && call.sentAtMs <= killedAt);
        long upAt = redis.startAgain(false);
        load.awaitAnsweredSentSince(upAt, 100, FLOW);
        load.stop();

        EchoLoad.Figures figures =
                load.figures(CALL_TIMEOUT.plusSeconds(10), busDuplicates(upAt), recovery(load, upAt));
        long inFlightAnsweredMs = inFlight.stream()
                .filter(EchoLoad.Call::done)
                .mapToLong(call -> call.repliedAtMs - upAt)
                .max()
                .orElse(0);
        LOG.info(figures.line() + " in-flight-at-restart=" + inFlight.size() + " of which answered-with-result="
                + inFlight.stream().filter(EchoLoad.Call::real).count() + " last-in-flight-answered-ms-after-up="
                + inFlightAnsweredMs);
        assertEquals(0, figures.lost(), "calls that got neither a reply nor an error");
        assertEquals(0, figures.failed(), "calls whose socket ended: the sockets must stay open");
        assertEquals(0, figures.duplicated(), "calls answered twice on a socket");
        assertTrue(figures.recoveryMs() >= 0 && figures.recoveryMs() <= RECOVERY_MS, () -> figures.line());
        long after = upAt + figures.recoveryMs();
        assertEquals(
                List.of(),
                texts(load.calls(call -> call.sentAtMs > after && !call.real())),
                "calls sent once the system served again must get their real result");
        assertTrue(
                inFlightAnsweredMs <= RECOVERY_MS,
                "the calls in flight at the restart (lost with Redis's data) are answered at once, not after the call"
                        + " timeout: the last came " + inFlightAnsweredMs + " ms after Redis was back");
    }

    @Test
    @Order(4)
    void redisRestartedWithTheAofLosesNoCall() throws Exception {
        redis.kill();
        redis.startAgain(true); // from here on every write is in the AOF before Redis acknowledges it
        awaitServing();
        long since = System.currentTimeMillis();
        EchoLoad load = new EchoLoad("redis-aof", sockets, PACE);
        load.awaitAnswered(100, FLOW);
        load.burst(BURST);
        long killedAt = System.currentTimeMillis();
        redis.kill();
        List<EchoLoad.Call> inFlight = load.calls(call -> !call.done() && call.sentAtMs <= killedAt);
        long upAt = redis.startAgain(true);
        load.awaitAnsweredSentSince(upAt, 100, FLOW);
        load.stop();

        EchoLoad.Figures figures =
                load.figures(CALL_TIMEOUT.plusSeconds(10), busDuplicates(since), recovery(load, upAt));
        LOG.info(figures.line() + " in-flight-at-restart=" + inFlight.size());
        assertEquals(0, figures.lost(), "calls that got neither a reply nor an error");
        assertEquals(0, figures.failed(), "calls whose socket ended: the sockets must stay open");
        assertEquals(0, figures.duplicated(), "calls answered twice on a socket");
        // a call that reached the gateway while Redis was down is refused (-32006: it never entered Redis, the
        // client may send it again); every other one, those in flight at the kill too, gets its real result
        assertEquals(
                List.of(),
                texts(load.calls(
                        call -> !call.real() && !Integer.valueOf(-32006).equals(call.errorCode()))),
                "calls that did not get their real result though Redis kept them");
        assertTrue(figures.recoveryMs() >= 0 && figures.recoveryMs() <= RECOVERY_MS, () -> figures.line());
    }

    @Test
    @Order(5)
    void aCleanStopDrainsItsCallsAndEveryRoleEndsWithinTenSecondsOfSigtermEvenWithRedisDown() throws Exception {
        long since = System.currentTimeMillis();
        EchoLoad load = new EchoLoad("rpc-clean-stop", sockets, PACE);
        load.awaitAnswered(100, FLOW);
        load.burst(BURST);
        long rpcStopMs = stopMs(processes.get("rpc-2"));
        load.awaitAnswered(200, FLOW);
        load.stop();

        EchoLoad.Figures figures = load.figures(CALL_TIMEOUT.plusSeconds(10), busDuplicates(since), -1);
        LOG.info(figures.line() + " rpc-stop-ms=" + rpcStopMs);
        assertEveryCallAnsweredOnceWithItsResult(figures);
        Map<String, Long> stopMs = new HashMap<>();
        stopMs.put("rpc-2", rpcStopMs);
        redis.kill(); // the others are stopped while Redis is down
        for (String name : List.of("dispatcher-2", "dispatcher-3", "rpc-3", "gateway")) {
            stopMs.put(name, stopMs(processes.get(name)));
        }
        LOG.info("CHAOS sigterm: ms from SIGTERM to exit per process (rpc-2 with Redis up, the others down) " + stopMs);
        stopMs.forEach((name, ms) -> assertTrue(ms <= 10_000, name + " took " + ms + " ms to end after SIGTERM"));
    }

    /** SIGTERM, then the time until the process has ended (SIGKILL after the launcher's grace). */
    private static long stopMs(MicroProcess process) throws Exception {
        long start = System.nanoTime();
        process.stop();
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    }

    @AfterAll
    void stopEverything() throws Exception {
        sockets.forEach(GatewaySocket::close);
        if (system != null) {
            system.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private void start(String name) throws Exception {
        Role role = Role.of(name.replaceAll("-\\d+$", ""));
        processes.put(name, system.start(role, name));
    }

    /**
     * Freezes the process (SIGSTOP) and sends a burst, so that Redis hands some calls to its blocked read
     * that it will never forward or answer, waits (bounded) until it holds some, then SIGKILLs it; answers
     * how many calls it held. Tries again (after SIGCONT) if the frozen process was caught outside a read.
     */
    private int killHolding(String name, EchoLoad load, String stream) throws Exception {
        MicroProcess process = processes.get(name);
        for (int attempt = 0; attempt < 3; attempt++) {
            signal("STOP", process);
            load.burst(BURST);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(3);
            int held = 0;
            while (held == 0 && System.nanoTime() < deadline) {
                held = heldBySilent(stream);
                Thread.sleep(50);
            }
            if (held > 0) {
                process.kill();
                return held;
            }
            signal("CONT", process);
        }
        process.kill();
        return 0;
    }

    /** Entries pending with consumers that have not read for a second (the frozen one; live ones read often). */
    private int heldBySilent(String stream) {
        var jedis = system.redis();
        return jedis.xinfoGroups(stream).stream()
                .flatMap(group -> jedis.xinfoConsumers2(stream, group.getName()).stream())
                .filter(consumer -> consumer.getIdle() >= 1000)
                .mapToInt(consumer -> (int) consumer.getPending())
                .sum();
    }

    private static void signal(String signal, MicroProcess process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                .inheritIO()
                .start();
        assertTrue(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0, "kill -" + signal + " failed");
    }

    /** Waits (bounded) until the given calls are answered, however. */
    private static void awaitDone(EchoLoad load, List<EchoLoad.Call> calls) throws Exception {
        long deadline = System.nanoTime() + CALL_TIMEOUT.plusSeconds(10).toNanos();
        while (calls.stream().anyMatch(call -> !call.done()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    /** Pings (bounded) until the system answers again, after a Redis restart that was not measured. */
    private void awaitServing() throws Exception {
        long deadline = System.nanoTime() + FLOW.toNanos();
        while (System.nanoTime() < deadline) {
            var ping = sockets.get(0).call("system.ping", null);
            try {
                if (PingProbe.isPong(ping.get(1, TimeUnit.SECONDS).toString())) {
                    return;
                }
            } catch (java.util.concurrent.TimeoutException e) {
                // not yet; a late reply of this ping is fine
            }
        }
        throw new AssertionError("the system did not serve again within " + FLOW.toSeconds() + " s");
    }

    /** From Redis accepting connections to the first real result of a call sent after that; -1 if none. */
    private static long recovery(EchoLoad load, long upAt) {
        return load.calls(call -> call.sentAtMs >= upAt && call.real()).stream()
                .mapToLong(call -> call.repliedAtMs - upAt)
                .min()
                .orElse(-1);
    }

    /** Extra replies on the gateways' RX streams since {@code sinceMs}: more than one entry for one call id. */
    private int busDuplicates(long sinceMs) {
        try (var jedis = new JedisPooled(URI.create(redis.url()))) { // a fresh one: Redis may have restarted
            return busDuplicates(jedis, sinceMs);
        }
    }

    private int busDuplicates(JedisPooled jedis, long sinceMs) {
        Map<String, Integer> perCall = new HashMap<>();
        String cursor = ScanParams.SCAN_POINTER_START;
        ScanParams rx = new ScanParams().match(system.prefix() + "rx:*").count(100);
        do {
            ScanResult<String> page = jedis.scan(cursor, rx);
            for (String key : page.getResult()) {
                StreamEntryID from = new StreamEntryID(sinceMs, 0);
                List<StreamEntry> entries;
                while (!(entries = jedis.xrange(key, from.toString(), "+", 1000)).isEmpty()) {
                    entries.forEach(entry -> {
                        String call = entry.getFields().get("cid");
                        if (call != null) {
                            perCall.merge(call, 1, Integer::sum);
                        }
                    });
                    StreamEntryID last = entries.get(entries.size() - 1).getID();
                    from = new StreamEntryID(last.getTime(), last.getSequence() + 1);
                }
            }
            cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        var twice = perCall.entrySet().stream()
                .filter(e -> e.getValue() > 1)
                .limit(10)
                .toList();
        if (!twice.isEmpty()) {
            LOG.info("calls with more than one reply on RX (call id=replies): " + twice);
        }
        return perCall.values().stream().mapToInt(count -> count - 1).sum();
    }

    private static List<String> texts(List<EchoLoad.Call> calls) {
        return calls.stream()
                .map(call -> call.params.getString("text") + " -> "
                        + (call.done() ? String.valueOf(call.reply.getNow(null)) : "no reply"))
                .limit(20)
                .toList();
    }

    private static void assertEveryCallAnsweredOnceWithItsResult(EchoLoad.Figures figures) throws Exception {
        assertEquals(0, figures.lost(), () -> "calls never answered: " + figures.line());
        assertEquals(0, figures.failed(), () -> "calls whose socket ended: " + figures.line());
        assertEquals(Map.of(), figures.errors(), () -> "calls answered with an error: " + figures.line());
        assertEquals(0, figures.duplicated(), () -> "calls answered twice: " + figures.line());
        assertEquals(0, figures.extraOnBus(), () -> "calls run twice (the gateway hid it): " + figures.line());
        assertEquals(figures.sent(), figures.real(), () -> "calls without their real result: " + figures.line());
    }
}
