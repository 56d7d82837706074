package io.txrx.gateway.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestConfig;
import io.txrx.testing.WsClient;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
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
 * The gateway answers malformed traffic itself, per JSON-RPC 2.0 and RFC 6455, without a trip through
 * Redis: only the gateway role is deployed here, so any answer can only come from the edge. Channel methods
 * are the gateway's own too; with the default configuration an unsigned socket may only read public channels.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class GatewayEdgeIT {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @ArquillianResource
    URL base;

    private WsClient client;

    @Deployment
    static WebArchive deployment() {
        return Deployments.gateway(
                TestConfig.forTest().with("txrx.roles", "gateway").with("txrx.gateway.max-frame-bytes", "4096"));
    }

    @BeforeEach
    void connect() {
        client = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
    }

    @AfterEach
    void disconnect() {
        client.close();
    }

    @Test
    void invalidJsonIsAParseError() throws Exception {
        client.send("{\"jsonrpc\": \"2.0\", \"method\": \"foobar, \"params\": \"bar\", \"baz]");
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,\"message\":\"Parse error: invalid JSON\"}}",
                client.next(WAIT));
    }

    @Test
    void aRequestWithoutMethodIsAnInvalidRequestEchoingItsId() throws Exception {
        client.send("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"params\":[]}");
        String reply = client.next(WAIT);
        assertTrue(reply.startsWith("{\"jsonrpc\":\"2.0\",\"id\":\"abc\",\"error\":{\"code\":-32600,"), reply);
    }

    @Test
    void anEmptyBatchIsOneInvalidRequest() throws Exception {
        client.send("[]");
        String reply = client.next(WAIT);
        assertTrue(reply.startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"), reply);
    }

    @Test
    void aBatchOfInvalidEntriesIsAnArrayOfErrors() throws Exception {
        client.send("[1,2,3]");
        String reply = client.next(WAIT);
        assertTrue(reply.startsWith("[{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"), reply);
        assertEquals(3, reply.split("-32600").length - 1, reply);
    }

    @Test
    void aNotificationGetsNoReply() throws Exception {
        client.send("{\"jsonrpc\":\"2.0\",\"method\":\"system.ping\"}");
        client.send(
                "[{\"jsonrpc\":\"2.0\",\"method\":\"system.ping\"},{\"jsonrpc\":\"2.0\",\"method\":\"system.ping\"}]");
        client.send("{\"jsonrpc\":\"2.0\",\"id\":1}");
        String first = client.next(WAIT);
        assertTrue(first.startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600"), first);
    }

    @Test
    void aBinaryFrameIsRefusedWithAClearError() throws Exception {
        client.sendBinary(new byte[] {1, 2, 3});
        String reply = client.next(WAIT);
        assertTrue(reply.contains("\"code\":-32600") && reply.contains("Binary frames are not supported"), reply);
    }

    @Test
    void channelsAnswerAnUnsignedSocketWithUnauthorizedExceptPublicOnes() throws Exception {
        client.send(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"channel.publish\",\"params\":{\"channel\":\"room.1\",\"data\":1}}");
        String publish = client.next(WAIT);
        assertTrue(publish.startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32001,"), publish);
        client.send(
                "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"channel.subscribe\",\"params\":{\"channel\":\"room.1\"}}");
        String subscribe = client.next(WAIT);
        assertTrue(subscribe.startsWith("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32001,"), subscribe);
        client.send(
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"channel.subscribe\",\"params\":{\"channel\":\"public.news\"}}");
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":{\"channel\":\"public.news\",\"offset\":\"0-0\",\"replayed\":0,\"truncated\":false}}",
                client.next(WAIT));
    }

    @Test
    void anOversizedFrameClosesTheSocketWith1009() throws Exception {
        client.send(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system.echo\",\"params\":[\"" + "x".repeat(5000) + "\"]}");
        assertEquals(1009, client.closeCode(WAIT));
    }
}
