package io.txrx.handlers.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import io.txrx.handlers.system.boundary.Deployments;
import io.txrx.testing.OwnRedis;
import io.txrx.testing.TestConfig;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Predicate;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /health/ready} and {@code /health/live} of every role in one Micro, on a Redis of the test's own:
 * ready with each role's data, not ready while that Redis is down (and still live), ready again once it is
 * back.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class HealthIT {
    private static final Duration READY_WITHIN = Duration.ofSeconds(60);
    private static final Duration DOWN_WITHIN = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(200);
    private static OwnRedis redis;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @ArquillianResource
    URL base;

    @Deployment
    static WebArchive deployment() throws Exception {
        redis = OwnRedis.start(
                Path.of("target", "health-it-" + UUID.randomUUID()).toAbsolutePath());
        return Deployments.allRolesWithDatabase(TestConfig.forTest().with("txrx.redis.url", redis.url()));
    }

    @AfterAll
    static void stopRedis() throws InterruptedException {
        if (redis != null) {
            redis.close();
        }
    }

    private record Health(int status, JsonObject body) {
        JsonObject check(String name) {
            return body.getJsonArray("checks").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(check -> check.getString("name").equals(name))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no check " + name + " in " + body));
        }
    }

    private Health get(String path) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                        .timeout(Duration.ofSeconds(10))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        return new Health(
                response.statusCode(),
                Json.createReader(new StringReader(response.body())).readObject());
    }

    private Health await(String path, Duration within, Predicate<Health> until) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        Health last = get(path);
        while (!until.test(last)) {
            if (System.nanoTime() > deadline) {
                fail(path + " not as expected within " + within + ": " + last.status() + " " + last.body());
            }
            Thread.sleep(POLL.toMillis());
            last = get(path);
        }
        return last;
    }

    private static boolean up(Health health) {
        return health.status() == 200 && health.body().getString("status").equals("UP");
    }

    @Test
    void readyWhileRedisAnswersNotReadyWhileItIsDownReadyAgainOnceBack() throws Exception {
        Health ready = await("/health/ready", READY_WITHIN, HealthIT::up);
        JsonObject gateway = ready.check("gateway").getJsonObject("data");
        assertEquals("up", gateway.getString("redis"), ready.body().toString());
        assertEquals("running", gateway.getString("rx"));
        JsonObject dispatcher = ready.check("dispatcher").getJsonObject("data");
        assertEquals("exists", dispatcher.getString("group"), ready.body().toString());
        assertEquals("running", dispatcher.getString("loop"));
        // Payara writes the data's numbers as JSON strings
        if (Integer.parseInt(dispatcher.get("routes").toString().replace("\"", "")) < 1) {
            fail("no routes: " + ready.body());
        }
        JsonObject rpc = ready.check("rpc").getJsonObject("data");
        assertEquals("done", rpc.getString("migrations"), ready.body().toString());
        assertEquals("up", rpc.getString("database"));
        assertEquals(200, get("/health/live").status());

        redis.kill();
        Health down = await("/health/ready", DOWN_WITHIN, health -> health.status() == 503);
        assertEquals("DOWN", down.body().getString("status"));
        for (String role : new String[] {"gateway", "dispatcher", "rpc"}) {
            assertEquals(
                    "DOWN", down.check(role).getString("status"), down.body().toString());
            assertEquals("down", down.check(role).getJsonObject("data").getString("redis"), role);
        }
        Health live = get("/health/live");
        assertEquals(200, live.status(), "an outage of Redis is no reason to restart: " + live.body());

        redis.startAgain(false);
        Health back = await("/health/ready", READY_WITHIN, HealthIT::up);
        assertEquals("up", back.check("gateway").getJsonObject("data").getString("redis"));
    }
}
