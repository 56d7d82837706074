package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class JsonRpcReplyTest {

    @Test
    void readsTheIdOfAResult() {
        JsonRpcReply reply = JsonRpcReply.parse("{\"jsonrpc\":\"2.0\",\"id\":7,\"result\":{\"text\":\"hi\"}}");

        assertEquals(7, reply.id());
        assertFalse(reply.error());
    }

    @Test
    void findsTheIdWhateverTheMemberOrderAndSpacing() {
        JsonRpcReply reply =
                JsonRpcReply.parse("{ \"result\" : {\"data\":\"x\"} ,\n \"id\" : 123456789012 , \"jsonrpc\":\"2.0\"}");

        assertEquals(123456789012L, reply.id());
    }

    @Test
    void ignoresIdsNestedInsideTheResultAndInsideStrings() {
        JsonRpcReply reply =
                JsonRpcReply.parse("{\"jsonrpc\":\"2.0\",\"result\":{\"id\":99,\"note\":\"\\\"id\\\":98\"},\"id\":3}");

        assertEquals(3, reply.id());
    }

    @Test
    void recognisesAnErrorReply() {
        JsonRpcReply reply = JsonRpcReply.parse(
                "{\"jsonrpc\":\"2.0\",\"id\":4,\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}");

        assertEquals(4, reply.id());
        assertTrue(reply.error());
    }

    @Test
    void anErrorKeyInsideTheResultIsNotAnError() {
        JsonRpcReply reply = JsonRpcReply.parse("{\"jsonrpc\":\"2.0\",\"id\":5,\"result\":{\"error\":\"no\"}}");

        assertFalse(reply.error());
    }

    @Test
    void notificationsNullIdsBatchesAndGarbageHaveNoId() {
        assertFalse(JsonRpcReply.parse("{\"jsonrpc\":\"2.0\",\"method\":\"push\",\"params\":{\"id\":1}}")
                .hasId());
        assertFalse(JsonRpcReply.parse("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700}}")
                .hasId());
        assertFalse(JsonRpcReply.parse("[{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":1}]")
                .hasId());
        assertFalse(JsonRpcReply.parse("not json").hasId());
        assertFalse(JsonRpcReply.parse("{\"id\":\"unterminated").hasId());
        assertFalse(JsonRpcReply.parse("").hasId());
    }
}
