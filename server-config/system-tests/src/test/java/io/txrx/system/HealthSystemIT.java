package io.txrx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.txrx.launcher.MicroProcess;
import io.txrx.launcher.MicroRuntime;
import io.txrx.launcher.Role;
import io.txrx.testing.OwnRedis;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * {@code /health/ready} of a gateway, a dispatcher and an rpc process, each deployed as in production, on a
 * Redis of the test's own: each ready with its role's check, each 503 while that Redis is down, each ready
 * again once it is back.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthSystemIT {
    private static final Duration BOOT = Duration.ofSeconds(240);
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration DOWN_WITHIN = Duration.ofSeconds(15);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private OwnRedis redis;
    private SystemUnderTest system;
    private Map<String, MicroProcess> processes;

    @BeforeAll
    void start() throws Exception {
        Path run = Path.of("target", "health-system").toAbsolutePath();
        redis = OwnRedis.start(run.resolve("redis"));
        system = new SystemUnderTest(run, Map.of(), redis.url());
        processes = Map.of(
                "gateway", system.start(Role.GATEWAY, "gateway"),
                "dispatcher", system.start(Role.DISPATCHER, "dispatcher"),
                "rpc", system.start(Role.RPC, "rpc"));
        system.awaitReady(BOOT);
    }

    @AfterAll
    void stop() throws Exception {
        if (system != null) {
            system.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    private record Ready(int status, String text) {
        JsonObject body() {
            return Json.createReader(new StringReader(text)).readObject();
        }
    }

    private Ready ready(MicroProcess process) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(
                                "http://" + MicroRuntime.BIND_ADDRESS + ":" + process.port() + "/health/ready"))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Ready(response.statusCode(), response.body());
    }

    private void awaitAll(int status, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        for (var entry : processes.entrySet()) {
            Ready last = ready(entry.getValue());
            while (last.status() != status) {
                if (System.nanoTime() > deadline) {
                    fail(entry.getKey() + " not " + status + " within " + within + ": " + last);
                }
                Thread.sleep(200);
                last = ready(entry.getValue());
            }
            List<String> names = last.body().getJsonArray("checks").stream()
                    .map(check -> check.asJsonObject().getString("name"))
                    .toList();
            assertEquals(List.of(entry.getKey()), names, entry.getKey() + "'s own check: " + last.body());
        }
    }

    @Test
    void eachRoleIsReadyNotReadyWhileRedisIsDownAndReadyAgainOnceBack() throws Exception {
        awaitAll(200, READY_WITHIN);
        redis.kill();
        awaitAll(503, DOWN_WITHIN);
        redis.startAgain(false);
        awaitAll(200, READY_WITHIN);
    }
}
