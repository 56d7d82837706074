package io.txrx.handlers.metrics;

import static io.txrx.testing.RpcCaller.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.handlers.system.boundary.Deployments;
import io.txrx.testing.RpcCaller;
import io.txrx.testing.TestConfig;
import io.txrx.testing.WsClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code /metrics} as Prometheus scrapes it, every role in one Micro: the calls made, counted exactly by method
 * and outcome; every hop's latency histogram; sign-in failures; sockets, frames and the consumer groups.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MetricsIT {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private static TestConfig config;

    @ArquillianResource
    URL base;

    @Deployment
    static WebArchive deployment() {
        config = TestConfig.forTest()
                .with("txrx.auth.pbkdf2-iterations", "1024")
                .with("txrx.channel.allow-anonymous", "true");
        return Deployments.allRolesWithDatabase(config);
    }

    /** One sample of the scrape: its name and labels (without Payara's own), and value. */
    private record Sample(String name, Map<String, String> labels, double value) {}

    private String scrape() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(new URL(base, "/metrics").toString()))
                                .header("Accept", "text/plain")
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    /** The value of the one sample named {@code name} with at least {@code labels}; NaN when there is none. */
    private static double value(String scrape, String name, String... labels) {
        Double found = null;
        for (String line : scrape.split("\n")) {
            Matcher sample = SAMPLE.matcher(line.trim());
            if (line.startsWith("#") || !sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            Map<String, String> has = new HashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    has.put(label.group(1), label.group(2));
                }
            }
            boolean all = true;
            for (int i = 0; i < labels.length; i += 2) {
                all &= labels[i + 1].equals(has.get(labels[i]));
            }
            if (all) {
                assertEquals(null, found, "one sample " + name + " " + String.join(",", labels) + " in:\n" + scrape);
                found = Double.parseDouble(sample.group(4));
            }
        }
        return found == null ? Double.NaN : found;
    }

    @Test
    void countsExactlyTheCallsMadeAndMeasuresEveryHop() throws Exception {
        WsClient socket = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
        try {
            RpcCaller caller = new RpcCaller(socket);
            for (int i = 0; i < 5; i++) {
                assertEquals(0, errorCode(caller.call("system.echo", "{\"text\":\"hi\"}")));
            }
            for (int i = 0; i < 3; i++) {
                assertEquals(-32602, errorCode(caller.call("system.sleep", "{\"ms\":-1}")));
            }
            for (int i = 0; i < 2; i++) {
                assertEquals(
                        -32001,
                        errorCode(caller.call("auth.login", "{\"login\":\"nobody\",\"password\":\"wrong password\"}")));
            }

            assertEquals(0, errorCode(caller.call("channel.subscribe", "{\"channel\":\"news\"}")));

            String scrape = scrape();

            assertEquals(5, value(scrape, "txrx_calls_total", "method", "system.echo", "outcome", "ok"), scrape);
            assertEquals(3, value(scrape, "txrx_calls_total", "method", "system.sleep", "outcome", "-32602"));
            assertEquals(2, value(scrape, "txrx_calls_total", "method", "auth.login", "outcome", "-32001"));
            assertEquals(2, value(scrape, "txrx_signin_failures_total", "reason", "invalid"));
            for (String hop : new String[] {"call", "gateway_dispatcher", "dispatcher_rpc", "handler", "rpc_gateway"}) {
                double count = value(scrape, "txrx_hop_seconds_count", "hop", hop);
                assertEquals(10, count, hop + " measured once per call through the bus (not channel.subscribe)");
                assertEquals(count, value(scrape, "txrx_hop_seconds_bucket", "hop", hop, "le", "+Inf"), hop + " +Inf");
                assertTrue(value(scrape, "txrx_hop_seconds_sum", "hop", hop) >= 0, hop);
            }
            assertEquals(1, value(scrape, "txrx_sockets_open"), "the test's socket");
            assertEquals(1, value(scrape, "txrx_channel_subscriptions"), "its one channel");
            assertEquals(1, value(scrape, "txrx_calls_total", "method", "channel.subscribe", "outcome", "ok"));
            assertEquals(11, value(scrape, "txrx_frames_in_total"), "one frame per call");
            assertEquals(11, value(scrape, "txrx_frames_out_total"), "one reply per call");
            assertEquals(0, value(scrape, "txrx_refused_total", "reason", "rate_limited"));
            assertTrue(value(scrape, "txrx_group_pending", "group", "dispatchers") >= 0, scrape);
            assertTrue(value(scrape, "txrx_group_pending", "group", "system") >= 0, scrape);
            assertTrue(value(scrape, "txrx_stream_length", "stream", config.get("txrx.prefix") + "tx") >= 10, scrape);
            assertEquals(1, value(scrape, "txrx_p2p_peers", "role", "rpc"), "this one instance");
            assertTrue(value(scrape, "txrx_routes") >= 5, "system.* at least");
        } finally {
            socket.close();
        }
    }
}
