package io.txrx.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.CloseReason.CloseCodes;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A socket's send queue: bounded in frames and bytes, emptied as the client reads, closed with 1008 when full. */
class SocketTest {
    private final FakeSession client = new FakeSession("slow");
    private final Socket cut = new Socket(client.session, new RateLimit(10, 10, 0), new SendQueue(3, 100));

    @Test
    void framesTheClientHasReadNoLongerCount() {
        for (int n = 0; n < 10; n++) {
            assertTrue(cut.send("frame " + n));
        }
        assertEquals(10, client.sent.size());
        assertEquals(0, cut.queue().frames());
        assertEquals(0, cut.queue().bytes());
        assertEquals(List.of(), client.closes);
    }

    @Test
    void aClientThatStopsReadingIsClosedWith1008OnceOverTheFrameBound() {
        client.holding = true;
        assertTrue(cut.send("a"));
        assertTrue(cut.send("b"));
        assertTrue(cut.send("c"));
        assertEquals(3, cut.queue().frames());
        assertEquals(3, cut.queue().bytes());

        assertFalse(cut.send("d"), "the fourth frame is over the bound: not sent");
        assertFalse(cut.send("e"));

        assertEquals(List.of("a", "b", "c"), client.sent);
        assertEquals(1, client.closes.size(), "closed once");
        assertEquals(CloseCodes.VIOLATED_POLICY, client.closes.get(0).getCloseCode());
        assertTrue(client.closes.get(0).getReasonPhrase().startsWith("Client too slow"));
    }

    @Test
    void theByteBoundCountsTooAndFreesAsFramesAreWritten() {
        client.holding = true;
        assertTrue(cut.send("x".repeat(60)));
        assertTrue(cut.send("y".repeat(40)));
        assertEquals(100, cut.queue().bytes());
        client.write();
        assertEquals(0, cut.queue().bytes());
        assertEquals(0, cut.queue().frames());
        assertTrue(cut.send("z".repeat(100)), "written frames made room again");
        assertFalse(cut.send("!"), "one byte over");
        assertEquals(CloseCodes.VIOLATED_POLICY, client.closes.get(0).getCloseCode());
    }

    @Test
    void aClosedSocketSendsNothingAndCountsNothing() {
        client.open = false;
        assertFalse(cut.send("late"));
        assertEquals(0, cut.queue().frames());
        assertEquals(List.of(), client.sent);
    }

    @Test
    void theRegistryRefusesASocketOverItsCap() {
        SocketRegistry registry = new SocketRegistry();
        assertTrue(registry.add(cut, 1));
        Socket second = new Socket(new FakeSession("second").session, new RateLimit(1, 1, 0), new SendQueue(1, 1));
        assertFalse(registry.add(second, 1));
        registry.remove(cut.id());
        assertTrue(registry.add(second, 1), "room again after a close");
    }
}
