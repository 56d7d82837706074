package io.txrx.jsonrpc;

import static io.txrx.jsonrpc.JsonFactory.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonValue;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

/** Reading the outcome of a reply, as the gateway counts calls by outcome. */
class RepliesTest {

    private static JsonValue id(String json) {
        return JSON.createReader(new StringReader(json)).readValue();
    }

    @Test
    void aResultIsNoError() {
        assertEquals(0, Replies.errorCode(Replies.result(id("7"), "\"pong\""), "7"));
        assertEquals(
                0,
                Replies.errorCode(
                        Replies.result(id("\"a\\\"b\""), "{}"), id("\"a\\\"b\"").toString()));
    }

    @Test
    void anErrorGivesItsCodeWhateverTheId() {
        for (String idJson : new String[] {"1", "\"x\"", "null", "\"error\\\":{\\\"code\\\":1\""}) {
            JsonValue id = id(idJson);
            String reply = Replies.error(id, ErrorCode.METHOD_NOT_FOUND, "Method not found: x", null);
            assertEquals(ErrorCode.METHOD_NOT_FOUND, Replies.errorCode(reply, id.toString()), reply);
        }
        assertEquals(7, Replies.errorCode(Replies.error(id("1"), 7, "positive", null), "1"));
    }

    @Test
    void aReplyOfAnotherShapeIsParsed() {
        assertEquals(-32000, Replies.errorCode("{\"id\":3,\"jsonrpc\":\"2.0\",\"error\":{\"code\":-32000}}", "3"));
        assertEquals(0, Replies.errorCode("{\"id\":3,\"result\":1,\"jsonrpc\":\"2.0\"}", "3"));
        assertEquals(-32601, Replies.errorCode(Replies.error(id("4"), -32601, "m", null), "5"), "another id");
    }
}
