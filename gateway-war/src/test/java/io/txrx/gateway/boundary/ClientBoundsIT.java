package io.txrx.gateway.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestConfig;
import io.txrx.testing.TestRedis;
import io.txrx.testing.WsClient;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one client may cost a gateway: a client that stops reading while its channel is flooded is closed
 * once its unwritten frames pass the send queue's bound, and one socket more than {@code txrx.gateway.max-sockets}
 * is closed with 1013; the gateway serves everyone else meanwhile. A frame limit above the WebSocket
 * container's default buffer (4 MiB) holds too.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClientBoundsIT {
    private static final Logger LOG = Logger.getLogger(ClientBoundsIT.class.getName());
    private static final int MAX_SOCKETS = 5;
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final int MESSAGES = 1600;
    private static final int BATCH = 20;

    private static final TestConfig CONFIG = TestConfig.forTest();

    @ArquillianResource
    URL base;

    @Deployment
    static WebArchive deployment() {
        return Deployments.gateway(CONFIG.with("txrx.roles", "gateway")
                .with("txrx.channel.allow-anonymous", "true")
                .with("txrx.channel.max-len", "100000")
                .with("txrx.gateway.max-frame-bytes", Integer.toString(6 << 20))
                .with("txrx.gateway.max-sockets", Integer.toString(MAX_SOCKETS))
                .with("txrx.gateway.send-queue-frames", "200")
                .with("txrx.gateway.send-queue-bytes", "262144"));
    }

    @Test
    @Order(1)
    void oneSocketOverTheCapIsClosedWith1013AndRoomComesBackWithAClose() throws Exception {
        List<WsClient> open = new ArrayList<>();
        try {
            for (int n = 0; n < MAX_SOCKETS; n++) {
                WsClient socket = connect();
                open.add(socket);
                assertTrue(subscribe(socket, "public.cap").contains("\"result\""), "socket " + (n + 1) + " is served");
            }
            try (WsClient over = connect()) {
                assertEquals(1013, over.closeCode(WAIT));
            }
            open.remove(0).close();
            assertTrue(servedWithin(WAIT), "a socket is served again once one has closed");
        } finally {
            open.forEach(WsClient::close);
        }
    }

    @Test
    @Order(2)
    void aClientThatStopsReadingIsClosedWhileItsChannelIsFloodedAndOthersAreServed() throws Exception {
        String channel = "flood-" + UUID.randomUUID();
        String data = "x".repeat(16_000);
        try (RawSocket slow = RawSocket.open(base, 4096);
                WsClient publisher = connect()) {
            slow.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"channel.subscribe\",\"params\":{\"channel\":\""
                    + channel + "\"}}");
            assertTrue(slow.next(WAIT).text().contains("\"result\""));
            // the slow client reads nothing from here on
            for (int sent = 0; sent < MESSAGES; sent += BATCH) {
                StringBuilder batch = new StringBuilder("[");
                for (int n = sent; n < sent + BATCH; n++) {
                    batch.append(n > sent ? "," : "")
                            .append("{\"jsonrpc\":\"2.0\",\"id\":")
                            .append(n)
                            .append(",\"method\":\"channel.publish\",\"params\":{\"channel\":\"")
                            .append(channel)
                            .append("\",\"data\":\"")
                            .append(data)
                            .append("\"}}");
                }
                publisher.send(batch.append(']').toString());
                String replies = publisher.next(WAIT);
                assertTrue(replies.startsWith("[") && !replies.contains("\"error\""), replies);
            }
            int pushes = 0;
            int code;
            while (true) {
                RawSocket.Frame frame;
                try {
                    frame = slow.next(WAIT);
                } catch (java.io.IOException ended) {
                    code = -1;
                    break;
                }
                assertTrue(frame != null, "the slow client is still open after reading " + pushes + " pushes");
                if (frame.opcode() == RawSocket.CLOSE) {
                    code = frame.closeCode();
                    break;
                }
                pushes++;
            }
            LOG.info("The slow client read " + pushes + " of " + MESSAGES + " pushes, then the end (" + code + ")");
            assertTrue(code == 1008 || code == -1, "closed with 1008, or the stream cut behind unsent frames: " + code);
            assertTrue(pushes < MESSAGES, "cut off before every push reached it");
            assertTrue(subscribe(publisher, "public.after").contains("\"result\""), "the publisher is still served");
        }
        assertTrue(servedWithin(WAIT), "a new socket is served");
    }

    @Test
    @Order(3)
    void aLimitAboveTheContainersDefaultBufferIsHonoured() throws Exception {
        try (RawSocket raw = RawSocket.open(base, 0)) {
            String frame = "{\"jsonrpc\":\"2.0\",\"id\":7,\"params\":[\"" + "x".repeat(5 << 20) + "\"]}";
            raw.sendText(frame);
            RawSocket.Frame reply = raw.next(WAIT);
            assertTrue(reply != null && reply.opcode() == RawSocket.TEXT, "a 5 MiB frame under a 6 MiB limit is read");
            assertTrue(
                    reply.text().startsWith("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32600,"), reply.text());
        }
    }

    /** The flood's channel holds some 25 MB: gone with the test's keys. */
    @AfterAll
    static void deleteKeys() {
        TestRedis.deleteKeys(CONFIG.get("txrx.prefix"));
    }

    private boolean servedWithin(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            try (WsClient socket = connect()) {
                socket.send(subscribeFrame("public.again"));
                String reply = socket.poll(Duration.ofSeconds(2));
                if (reply != null && reply.contains("\"result\"")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String subscribe(WsClient socket, String channel) throws InterruptedException {
        socket.send(subscribeFrame(channel));
        return socket.next(WAIT);
    }

    private static String subscribeFrame(String channel) {
        return "{\"jsonrpc\":\"2.0\",\"id\":\"s\",\"method\":\"channel.subscribe\",\"params\":{\"channel\":\"" + channel
                + "\"}}";
    }

    private WsClient connect() {
        return WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
    }
}
