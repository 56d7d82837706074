package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EchoRequestTest {

    @Test
    void buildsASystemEchoCallWithThePayloadOfTheRequestedSize() {
        String frame = new EchoRequest(64).frame(7);

        assertTrue(
                frame.startsWith("{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"system.echo\",\"params\":{\"data\":\""),
                frame);
        String data = frame.substring(frame.indexOf("\"data\":\"") + 8, frame.lastIndexOf("\"}}"));
        assertEquals(64, data.length());
        assertTrue(data.chars().allMatch(Character::isLetterOrDigit), data);
        assertEquals(7, JsonRpcReply.parse(frame).id());
    }

    @Test
    void recognisesItsPayloadInTheEchoReply() {
        EchoRequest cut = new EchoRequest(10);

        assertTrue(cut.isEchoedIn("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"data\":\"abcdefghij\"}}"));
        assertFalse(cut.isEchoedIn("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"data\":\"abcdefghi\"}}"));
    }

    @Test
    void anEmptyPayloadIsAnEmptyString() {
        assertTrue(new EchoRequest(0).frame(1).endsWith("\"params\":{\"data\":\"\"}}"));
    }
}
