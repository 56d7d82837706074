package io.txrx.launcher;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PingProbeTest {

    @Test
    void onlyAJsonRpcPongCounts() {
        assertTrue(PingProbe.isPong("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"pong\"}"));
        assertFalse(PingProbe.isPong("{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32601,\"message\":\"no\"}}"));
        assertFalse(PingProbe.isPong("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"ping\"}"));
        assertFalse(PingProbe.isPong("{\"id\":1,\"result\":\"pong\"}"));
        assertFalse(PingProbe.isPong("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"pong\"}]"));
        assertFalse(PingProbe.isPong("pong"));
    }
}
