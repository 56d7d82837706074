package io.txrx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class GatewaySocketTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    @Test
    void aCallGetsItsReplyByIdAndEverythingElseArrivesInOrder() throws Exception {
        TinyWebSocketServer.Handler gateway = (peer, text) -> {
            String id = Json.createReader(new java.io.StringReader(text))
                    .readObject()
                    .get("id")
                    .toString();
            peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"channel.message\",\"params\":{\"n\":1}}");
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":\"nobody asked\"}");
            peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":\"pong\"}");
        };
        try (TinyWebSocketServer server = new TinyWebSocketServer(gateway);
                GatewaySocket cut = GatewaySocket.open(server.uri(), WAIT)) {
            var reply = cut.call("system.ping", null).get(5, TimeUnit.SECONDS);

            assertEquals("pong", reply.getString("result"));
            assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"channel.message\",\"params\":{\"n\":1}}", cut.next(WAIT));
            assertEquals("{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":\"nobody asked\"}", cut.next(WAIT));
            assertEquals(List.of("{\"jsonrpc\":\"2.0\",\"id\":999,\"result\":\"nobody asked\"}"), cut.strays());
        }
    }

    @Test
    void rawFramesGoOutAsGivenAndTheirAnswersComeBackWhole() throws Exception {
        TinyWebSocketServer.Handler echo = (peer, text) -> peer.send(text);
        try (TinyWebSocketServer server = new TinyWebSocketServer(echo);
                GatewaySocket cut = GatewaySocket.open(server.uri(), WAIT)) {
            cut.send("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}]").get(5, TimeUnit.SECONDS);
            cut.send("not json").get(5, TimeUnit.SECONDS);

            assertEquals("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}]", cut.next(WAIT));
            assertEquals("not json", cut.next(WAIT));
        }
    }

    @Test
    void aCutSocketFailsTheCallsInFlightAndReportsTheEnd() throws Exception {
        TinyWebSocketServer.Handler silent = (peer, text) -> peer.kill();
        try (TinyWebSocketServer server = new TinyWebSocketServer(silent);
                GatewaySocket cut = GatewaySocket.open(server.uri(), WAIT)) {
            var reply = cut.call("system.ping", null);

            ExecutionException failure = assertThrows(ExecutionException.class, () -> reply.get(5, TimeUnit.SECONDS));
            assertTrue(failure.getCause() instanceof IOException, failure::toString);
            assertEquals(
                    Connection.ABNORMAL, cut.closed().get(5, TimeUnit.SECONDS).code());
        }
    }

    @Test
    void aRefusedHandshakeIsAnIoExceptionNamingTheGateway() throws Exception {
        try (TinyWebSocketServer server = new TinyWebSocketServer((peer, text) -> {})) {
            IOException failure = assertThrows(
                    IOException.class, () -> GatewaySocket.open(server.uri().resolve("/nowhere"), WAIT));
            assertTrue(failure.getMessage().contains("/nowhere"), failure::getMessage);
        }
    }
}
