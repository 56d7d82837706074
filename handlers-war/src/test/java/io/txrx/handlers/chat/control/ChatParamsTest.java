package io.txrx.handlers.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.txrx.handlers.chat.entity.MessageId;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.testing.RpcCaller;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

/** The limits on what a client sends, each a -32602 that names the field. */
class ChatParamsTest {

    @Test
    void aTextOverTheLimitOrBlankOrMissingIsRefused() {
        assertEquals(
                "hi 👋",
                ChatParams.send(json("{\"to\":\"bob\",\"text\":\"hi 👋\"}"), 4).text(),
                "code points");
        assertInvalid("text", () -> ChatParams.send(json("{\"to\":\"bob\",\"text\":\"hello\"}"), 4));
        assertInvalid("text", () -> ChatParams.send(json("{\"to\":\"bob\",\"text\":\"  \"}"), 4));
        assertInvalid("text", () -> ChatParams.send(json("{\"to\":\"bob\"}"), 4));
        assertInvalid("to", () -> ChatParams.send(json("{\"to\":[],\"text\":\"hi\"}"), 4));
    }

    @Test
    void aRecipientIsAUsernameOrAnId() {
        assertEquals(
                "bob",
                ChatParams.send(json("{\"to\":\"bob\",\"text\":\"x\"}"), 9).to().username());
        assertEquals(
                42L, ChatParams.send(json("{\"to\":42,\"text\":\"x\"}"), 9).to().id());
    }

    @Test
    void historyTakesAKeysetAndABoundedLimit() {
        ChatParams.History first = ChatParams.history(json("{\"peer\":\"bob\"}"), 200);
        assertEquals(MessageId.NEWEST, first.before());
        assertEquals(ChatParams.DEFAULT_LIMIT, first.limit());
        ChatParams.History older = ChatParams.history(json("{\"peer\":\"bob\",\"before\":\"17-3\",\"limit\":5}"), 200);
        assertEquals(new MessageId(17, 3), older.before());
        assertEquals(5, older.limit());
        assertInvalid("limit", () -> ChatParams.history(json("{\"peer\":\"bob\",\"limit\":201}"), 200));
        assertInvalid("before", () -> ChatParams.history(json("{\"peer\":\"bob\",\"before\":\"yesterday\"}"), 200));
    }

    @Test
    void messageIdsOrderByTimeThenSequence() {
        assertEquals(-1, Integer.signum(new MessageId(9, 10).compareTo(new MessageId(10, 0))));
        assertEquals(-1, Integer.signum(new MessageId(10, 9).compareTo(new MessageId(10, 10))));
        assertEquals("10-9", MessageId.parse("10-9").toString());
    }

    private static void assertInvalid(String field, Runnable call) {
        JsonRpcException e = assertThrows(JsonRpcException.class, call::run);
        assertEquals(-32602, e.code());
        assertEquals(field, e.data().asJsonArray().getJsonObject(0).getString("field"), e.getMessage());
    }

    private static JsonValue json(String text) {
        return RpcCaller.parse(text);
    }
}
