package io.txrx.gateway.channel.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import redis.clients.jedis.StreamEntryID;

class ChannelParamsTest {

    @Test
    void subscribeTakesOnlyNewByDefaultAllFromZeroOrAfterAnOffset() {
        assertNull(ChannelParams.subscribe(json("{\"channel\":\"news\"}")).after());
        assertNull(ChannelParams.subscribe(json("{\"channel\":\"news\",\"offset\":\"$\"}"))
                .after());
        assertEquals(
                new StreamEntryID(0, 0),
                ChannelParams.subscribe(json("{\"channel\":\"news\",\"offset\":\"0\"}"))
                        .after());
        assertEquals(
                new StreamEntryID(1718000000000L, 7),
                ChannelParams.subscribe(json("{\"channel\":\"news\",\"offset\":\"1718000000000-7\"}"))
                        .after());
    }

    @Test
    void badOffsetsChannelsAndShapesAreInvalidParams() {
        for (String params : new String[] {
            "{\"channel\":\"news\",\"offset\":\"latest\"}",
            "{\"channel\":\"news\",\"offset\":\"99999999999999999999-0\"}",
            "{\"channel\":\"news\",\"offset\":5}",
            "{\"channel\":\"a b\"}",
            "{}",
            "[\"news\"]"
        }) {
            assertInvalid(() -> ChannelParams.subscribe(json(params)), params);
        }
        assertInvalid(() -> ChannelParams.subscribe(null), "no params");
    }

    @Test
    void publishTakesDataOrKeyValuePairsButNotBoth() {
        ChannelParams.Publish data = ChannelParams.publish(json("{\"channel\":\"news\",\"data\":{\"t\":1}}"));
        assertEquals("{\"t\":1}", data.data().toString());
        assertNull(data.fields());
        assertEquals(
                JsonValue.NULL,
                ChannelParams.publish(json("{\"channel\":\"news\",\"data\":null}"))
                        .data());
        assertEquals(
                Map.of("k", "v", "n", "2"),
                ChannelParams.publish(json("{\"channel\":\"news\",\"fields\":[\"k\",\"v\",\"n\",2]}"))
                        .fields());
        assertInvalid(() -> ChannelParams.publish(json("{\"channel\":\"news\"}")), "neither");
        assertInvalid(
                () -> ChannelParams.publish(json("{\"channel\":\"news\",\"data\":1,\"fields\":[\"k\",1]}")), "both");
        assertInvalid(
                () -> ChannelParams.publish(json("{\"channel\":\"news\",\"fields\":[\"k\",1,\"odd\"]}")), "odd count");
        assertInvalid(() -> ChannelParams.publish(json("{\"channel\":\"news\",\"fields\":{\"k\":1}}")), "object");
    }

    @Test
    void historyDefaultsToTheFirstHundredAndBoundsTheLimit() {
        ChannelParams.History history = ChannelParams.history(json("{\"channel\":\"news\"}"), 1000);
        assertEquals(new StreamEntryID(0, 0), history.from());
        assertNull(history.to());
        assertEquals(100, history.limit());
        ChannelParams.History page = ChannelParams.history(
                json("{\"channel\":\"news\",\"from\":\"5-1\",\"to\":\"9-0\",\"limit\":10}"), 1000);
        assertEquals(new StreamEntryID(5, 1), page.from());
        assertEquals(new StreamEntryID(9, 0), page.to());
        assertEquals(10, page.limit());
        assertInvalid(() -> ChannelParams.history(json("{\"channel\":\"news\",\"limit\":0}"), 1000), "zero");
        assertInvalid(() -> ChannelParams.history(json("{\"channel\":\"news\",\"limit\":1001}"), 1000), "over the max");
        assertInvalid(() -> ChannelParams.history(json("{\"channel\":\"news\",\"limit\":2.5}"), 1000), "fraction");
    }

    private static void assertInvalid(Executable parse, String what) {
        assertEquals(
                ErrorCode.INVALID_PARAMS,
                assertThrows(JsonRpcException.class, parse, what).code(),
                what);
    }

    private static JsonValue json(String text) {
        return Json.createReader(new StringReader(text)).readValue();
    }
}
