package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;

class EchoRequestTest {

    @Test
    void buildsSystemEchoParamsWithThePayloadOfTheRequestedSize() {
        String data = new EchoRequest(64).params().getString("data");

        assertEquals(64, data.length());
        assertTrue(data.chars().allMatch(Character::isLetterOrDigit), data);
        assertEquals("system.echo", EchoRequest.METHOD);
    }

    @Test
    void recognisesItsPayloadInTheEchoReply() {
        EchoRequest cut = new EchoRequest(10);

        assertTrue(cut.isEchoedIn(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"data\":\"abcdefghij\"}}")));
        assertFalse(cut.isEchoedIn(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"data\":\"abcdefghi\"}}")));
    }

    @Test
    void anEmptyPayloadIsAnEmptyString() {
        assertEquals(json("{\"data\":\"\"}"), new EchoRequest(0).params());
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }
}
