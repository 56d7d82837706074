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
        client = WsClient.connect(ws());
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

    @Test
    void aFrameExactlyAtTheLimitIsReadAndOneByteMoreClosesWith1009() throws Exception {
        client.send(atLimit("x", 4096));
        String reply = client.next(WAIT);
        assertTrue(reply.startsWith("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32600,"), reply);
        client.send(atLimit("\u00e9", 4096));
        assertTrue(client.next(WAIT).contains("-32600"), "the limit counts UTF-8 bytes: 2 for each \u00e9");
        client.send(atLimit("x", 4097));
        assertEquals(1009, client.closeCode(WAIT));
    }

    @Test
    void aFrameOverFourMebibytesClosesWith1009NotTheContainers1011() throws Exception {
        try (RawSocket raw = RawSocket.open(base, 0)) {
            byte[] payload = new byte[(4 << 20) + 100];
            java.util.Arrays.fill(payload, (byte) ' ');
            raw.send(RawSocket.TEXT, payload);
            assertEquals(1009, raw.closeCode(WAIT), "one frame, larger than the container's 4 MiB buffer");
        }
        client.send("[" + "1,".repeat(2 << 20) + "1]");
        assertEquals(1009, client.closeCode(WAIT), "as the Java client sends it");
        try (WsClient other = WsClient.connect(ws())) {
            other.send("[]");
            assertTrue(other.next(WAIT).contains("-32600"), "the gateway serves others meanwhile");
        }
    }

    @Test
    void hostileButReadableFramesEachGetAParseErrorWithNullId() throws Exception {
        for (String text : new String[] {
            "[".repeat(1001) + "]".repeat(1001),
            "[".repeat(4000),
            "{\"jsonrpc\":\"2.0\",\"id\":1" + "0".repeat(2000) + ",\"method\":\"a\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"method\":\"b\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":[\"\\ud800\"]}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"} trailing",
        }) {
            client.send(text);
            String reply = client.next(WAIT);
            assertTrue(reply.startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700,"), reply);
        }
        client.send("[".repeat(500) + "]".repeat(500));
        assertTrue(client.next(WAIT).startsWith("[{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32600,"));
    }

    @Test
    void aTextFrameThatIsNotUtf8ClosesWith1007AndOthersAreStillServed() throws Exception {
        try (RawSocket raw = RawSocket.open(base, 0)) {
            raw.send(RawSocket.TEXT, new byte[] {'[', (byte) 0xc3, (byte) 0x28, ']'});
            assertEquals(1007, raw.closeCode(WAIT));
        }
        client.send("[]");
        assertTrue(client.next(WAIT).contains("-32600"));
    }

    /** An invalid request (no method) of exactly {@code bytes} UTF-8 bytes, padded with {@code pad}. */
    private static String atLimit(String pad, int bytes) {
        String head = "{\"jsonrpc\":\"2.0\",\"id\":1,\"params\":[\"";
        String tail = "\"]}";
        int room = bytes - head.length() - tail.length();
        int padBytes = pad.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        String text = head + pad.repeat(room / padBytes) + "x".repeat(room % padBytes) + tail;
        assertEquals(bytes, text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
        return text;
    }

    private URI ws() {
        return URI.create(base.toString().replaceFirst("^http", "ws") + "ws");
    }
}
