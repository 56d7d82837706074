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
    void aCallCarriesTheClientsTraceContextWhenItSendsOne() {
        String context = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Call traced = assertInstanceOf(
                Call.class,
                FrameParser.parse(
                                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a.b\",\"traceparent\":\"" + context + "\"}")
                        .entries()
                        .get(0));
        assertEquals(context, traced.traceparent());
        Call untraced = assertInstanceOf(
                Call.class,
                FrameParser.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a.b\",\"traceparent\":7}")
                        .entries()
                        .get(0));
        assertNull(untraced.traceparent(), "only a string is a trace context");
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

    @Test
    void nestingBeyondTheReadersLimitIsAParseErrorNotAnException() {
        assertParseError("[".repeat(513) + "]".repeat(513), "Parse error: nested deeper than 512 levels");
        assertParseError("[".repeat(100_000), "Parse error: nested deeper than 512 levels");
        assertParseError("{\"a\":".repeat(2000) + "1" + "}".repeat(2000), "Parse error: nested deeper than 512 levels");
        assertEquals(
                ErrorCode.INVALID_REQUEST,
                assertInstanceOf(
                                Rejection.class,
                                FrameParser.parse("[".repeat(512) + "]".repeat(512))
                                        .entries()
                                        .get(0))
                        .code(),
                "512 levels are read");
        Frame shallow = FrameParser.parse("[".repeat(500) + "]".repeat(500));
        assertTrue(shallow.batch(), "500 levels are read: a batch of one invalid entry");
        assertEquals(
                ErrorCode.INVALID_REQUEST,
                assertInstanceOf(Rejection.class, shallow.entries().get(0)).code());
    }

    @Test
    void aNumberTooLongToReadIsAParseErrorAndAHugeExponentIsEchoedAsIs() {
        assertParseError(
                "{\"jsonrpc\":\"2.0\",\"id\":1" + "0".repeat(100_000) + ",\"method\":\"a\"}",
                "Parse error: a number too long to read");
        assertParseError("[1." + "5".repeat(5000) + "]", "Parse error: a number too long to read");
        Rejection rejection = assertInstanceOf(
                Rejection.class,
                FrameParser.parse("{\"jsonrpc\":\"2.0\",\"id\":1e999999999,\"method\":5}")
                        .entries()
                        .get(0));
        assertTrue(rejection.reply().startsWith("{\"jsonrpc\":\"2.0\",\"id\":1E+999999999,"), rejection.reply());
    }

    @Test
    void textAfterTheValueIsAParseError() {
        assertParseError(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\"} {\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"b\"}",
                "Parse error: text after the JSON value");
        assertParseError("[{\"jsonrpc\":\"2.0\",\"method\":\"a\"}]x", "Parse error: text after the JSON value");
        assertFalse(FrameParser.parse(" \r\n\t{\"jsonrpc\":\"2.0\",\"id\":\"}]\\\"\",\"method\":\"a\"}\n ")
                .calls()
                .isEmpty());
    }

    @Test
    void duplicateMemberNamesAreAParseError() {
        assertParseError(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system.echo\",\"method\":\"auth.disable\"}",
                "Parse error: duplicate member name");
        assertParseError(
                "[{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":{\"x\":1,\"x\":2}}]",
                "Parse error: duplicate member name");
    }

    @Test
    void loneSurrogatesAreAParseErrorAndPairedOnesAreKept() {
        assertParseError(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":[\"\\ud800\"]}",
                "Parse error: a \\u escape leaves a lone surrogate");
        assertParseError(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":{\"\\udc00x\":1}}",
                "Parse error: a \\u escape leaves a lone surrogate");
        assertParseError("[\"\\ud83d\\ud83d\\ude00\"]", "Parse error: a \\u escape leaves a lone surrogate");
        Call call = FrameParser.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":[\"\\ud83d\\ude00\"]}")
                .calls()
                .get(0);
        assertEquals("\ud83d\ude00", call.params().asJsonArray().getString(0));
    }

    @Test
    void aVeryLongStringIsReadWhole() {
        String text = "x".repeat(1 << 20);
        Call call = FrameParser.parse("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"a\",\"params\":[\"" + text + "\"]}")
                .calls()
                .get(0);
        assertEquals(text, call.params().asJsonArray().getString(0));
        Rejection longMethod = assertInstanceOf(
                Rejection.class,
                FrameParser.parse("{\"jsonrpc\":\"2.0\",\"id\":\"" + text + "\"}")
                        .entries()
                        .get(0));
        assertEquals(ErrorCode.INVALID_REQUEST, longMethod.code());
    }

    @Test
    void garbageOfEveryKindIsOneRejectionWithANullId() {
        for (String text : new String[] {
            "", " ", "\u0000", "nul", "{", "}", "[,]", "\"\\x\"", "1 2", "\ufeff{}", "{} {}", "[1]]", "\"a\" x"
        }) {
            Frame frame = FrameParser.parse(text);
            Rejection rejection =
                    assertInstanceOf(Rejection.class, frame.entries().get(0), text);
            assertEquals(ErrorCode.PARSE_ERROR, rejection.code(), text);
            assertEquals(JsonValue.NULL, rejection.id(), text);
        }
    }

    private static void assertParseError(String text, String message) {
        Frame frame = FrameParser.parse(text);
        assertFalse(frame.batch());
        Rejection rejection = assertInstanceOf(Rejection.class, frame.entries().get(0));
        assertEquals(ErrorCode.PARSE_ERROR, rejection.code());
        assertEquals(JsonValue.NULL, rejection.id());
        assertEquals(message, rejection.message());
    }
}
