package io.txrx.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelMessageTest {

    @Test
    void aDataEntryPushesItsJson() {
        ChannelMessage message = ChannelMessage.of("news", "1718-3", Map.of("data", "{\"t\":\"hi\"}"));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"method\":\"channel.message\",\"params\":"
                        + "{\"channel\":\"news\",\"offset\":\"1718-3\",\"data\":{\"t\":\"hi\"}}}",
                message.toPush());
        assertEquals(
                "{\"offset\":\"1718-3\",\"data\":{\"t\":\"hi\"}}",
                message.toJson().toString());
    }

    @Test
    void aKeyValueEntryReadsAsAnObjectOfStrings() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("price", "12.5");
        fields.put("data", "x");
        assertEquals(
                "{\"price\":\"12.5\",\"data\":\"x\"}",
                ChannelMessage.dataOf(fields).toString());
    }

    @Test
    void aLoneDataFieldThatIsNotJsonReadsAsAString() {
        assertEquals("\"plain\"", ChannelMessage.dataOf(Map.of("data", "plain")).toString());
    }

    @Test
    void aPushReadsBackAsTheMessage() {
        ChannelMessage message = ChannelMessage.of("news", "1718-3", Map.of("data", "{\"t\":\"hi\"}"));
        try (var reader = Json.createReader(new StringReader(message.toPush()))) {
            assertEquals(message, ChannelMessage.fromPush(reader.readObject().getJsonObject("params")));
        }
    }
}
