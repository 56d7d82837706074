package io.txrx.benchmark;

import io.txrx.client.TinyWebSocketServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;

/**
 * A stand-in gateway for the benchmark's tests on the client's {@link TinyWebSocketServer}: answers each call
 * the way the test asks (echo, JSON-RPC error, or silence) and pushes a notification before each answer, as
 * the real gateway may.
 */
final class LoopbackGateway implements TinyWebSocketServer.Handler, AutoCloseable {

    enum Answer {
        ECHO,
        ERROR,
        SILENCE
    }

    private final Answer answer;
    private final TinyWebSocketServer server;

    LoopbackGateway(Answer answer) throws IOException {
        this.answer = answer;
        this.server = new TinyWebSocketServer(this);
    }

    URI url() {
        return server.uri();
    }

    URI wrongPathUrl() {
        return url().resolve("/nowhere");
    }

    int connections() {
        return server.peers().size();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    @Override
    public void text(TinyWebSocketServer.Peer peer, String text) {
        JsonObject call;
        try (var reader = Json.createReader(new StringReader(text))) {
            call = reader.readObject();
        }
        String id = call.get("id").toString();
        peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"system.tick\",\"params\":{\"id\":" + id + "}}");
        switch (answer) {
            case ECHO -> peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + call.get("params") + "}");
            case ERROR -> peer.send("{\"jsonrpc\":\"2.0\",\"id\":" + id
                    + ",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}");
            case SILENCE -> {}
        }
    }
}
