package io.txrx.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;

class FrameParserTest {

    @Test
    void aValidCallKeepsItsIdTypeAndText() {
        String text = "{\"jsonrpc\":\"2.0\",\"id\":\"7\",\"method\":\"system.echo\",\"params\":[1,2]}";
        Frame frame = FrameParser.parse(text);
        assertFalse(frame.batch());
        Call call = assertInstanceOf(Call.class, frame.entries().get(0));
        assertEquals(JsonValue.ValueType.STRING, call.id().getValueType());
        assertEquals("system.echo", call.method());
        assertEquals(text, call.json());
        assertFalse(call.isNotification());
    }

    @Test
    void aCallWithoutIdIsANotification() {
        Call call = FrameParser.parse("{\"jsonrpc\":\"2.0\",\"method\":\"system.ping\"}")
                .calls()
                .get(0);
        assertTrue(call.isNotification());
        assertNull(call.params());
    }

    @Test
    void anExplicitNullIdIsNotANotification() {
        Call call = FrameParser.parse("{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"system.ping\"}")
                .calls()
                .get(0);
        assertFalse(call.isNotification());
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":null,\"result\":\"pong\"}",
                Replies.result(call.id(), jakarta.json.Json.createValue("pong")));
    }

    @Test
    void invalidJsonIsAParseErrorWithNullId() {
        Rejection rejection = assertInstanceOf(
                Rejection.class,
                FrameParser.parse("{\"jsonrpc\":\"2.0\",\"method\"").entries().get(0));
        assertEquals(ErrorCode.PARSE_ERROR, rejection.code());
        assertTrue(rejection.reply().startsWith("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32700"));
    }

    @Test
    void wrongVersionMissingMethodAndScalarParamsAreInvalidRequests() {
        for (String text : new String[] {
            "{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":\"a\"}",
            "{\"id\":1,\"method\":\"a\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":1}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":5}",
            "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":\"x\"}",
            "{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":\"a\"}",
            "42",
        }) {
            Rejection rejection = assertInstanceOf(
                    Rejection.class, FrameParser.parse(text).entries().get(0), text);
            assertEquals(ErrorCode.INVALID_REQUEST, rejection.code(), text);
        }
    }

    @Test
    void anInvalidRequestEchoesAValidId() {
        Rejection rejection = assertInstanceOf(
                Rejection.class,
                FrameParser.parse("{\"jsonrpc\":\"2.0\",\"id\":3.5,\"method\":1}")
                        .entries()
                        .get(0));
        assertEquals("3.5", rejection.id().toString());
    }

    @Test
    void anEmptyBatchIsOneInvalidRequestNotAnArray() {
        Frame frame = FrameParser.parse("[]");
        assertFalse(frame.batch());
        assertEquals(1, frame.entries().size());
        assertEquals(
                ErrorCode.INVALID_REQUEST,
                assertInstanceOf(Rejection.class, frame.entries().get(0)).code());
    }

    @Test
    void aBatchKeepsOrderAndSeparatesCallsFromRejections() {
        Frame frame = FrameParser.parse(
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"},1," + "{\"jsonrpc\":\"2.0\",\"method\":\"b\"}]");
        assertTrue(frame.batch());
        assertEquals(3, frame.entries().size());
        assertInstanceOf(Rejection.class, frame.entries().get(1));
        assertEquals(2, frame.calls().size());
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"}",
                frame.calls().get(0).json());
        assertEquals(2, frame.expectedReplies(), "the call and the invalid entry, not the notification");
    }

    @Test
    void errorsCarryData() {
        String reply = Replies.error(
                jakarta.json.Json.createValue(1),
                ErrorCode.INVALID_PARAMS,
                "Invalid params",
                jakarta.json.Json.createArrayBuilder()
                        .add("text: must not be null")
                        .build());
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"error\":{\"code\":-32602,\"message\":\"Invalid params\","
                        + "\"data\":[\"text: must not be null\"]}}",
                reply);
    }
}
