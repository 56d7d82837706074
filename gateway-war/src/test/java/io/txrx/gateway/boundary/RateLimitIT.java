package io.txrx.gateway.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestConfig;
import io.txrx.testing.WsClient;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A socket that calls faster than its rate gets -32005 for the calls over the limit, at once, counted in /metrics. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class RateLimitIT {

    @ArquillianResource
    URL base;

    @Deployment
    static WebArchive deployment() {
        return Deployments.gateway(TestConfig.forTest()
                .with("txrx.roles", "gateway")
                .with("txrx.gateway.rate-per-second", "1")
                .with("txrx.gateway.rate-burst", "3"));
    }

    @Test
    void callsOverTheBurstAreRefused() throws Exception {
        try (WsClient client = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"))) {
            for (int i = 1; i <= 5; i++) {
                client.send("{\"jsonrpc\":\"2.0\",\"id\":" + i + ",\"method\":\"system.ping\"}");
            }
            for (int id : new int[] {4, 5}) {
                String reply = client.next(Duration.ofSeconds(10));
                assertTrue(
                        reply.startsWith("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"error\":{\"code\":-32005,"), reply);
            }
            assertEquals(null, client.poll(Duration.ofMillis(300)), "the first three went on to TX");
        }
        String metrics = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(new URL(base, "/metrics?scope=application").toString()))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(
                metrics.contains("txrx_refused_total{mp_scope=\"application\",reason=\"rate_limited\"} 2.0"),
                "the two refused calls in /metrics: " + metrics);
        assertTrue(
                metrics.contains(
                        "txrx_calls_total{method=\"system.ping\",mp_scope=\"application\",outcome=\"-32005\"} 2.0"),
                metrics);
    }
}
