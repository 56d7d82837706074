package io.txrx.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestRedis;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamHopFloorTest {

    @Test
    void measuresRoundTripsOnARealRedisAndLeavesNoStreamBehind() throws Exception {
        StreamHopFloor.Result result = new StreamHopFloor(URI.create(TestRedis.url()), 200).measure();

        assertEquals(200, result.roundTrips().count());
        assertTrue(result.roundTrips().percentile(50) > 0);
        assertTrue(result.roundTrips().percentile(50) <= result.roundTrips().percentile(99));
        assertEquals(0, TestRedis.deleteKeys("txrx-hop-floor:"), "its streams are deleted");

        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        result.print(new PrintStream(printed, true, StandardCharsets.UTF_8));
        String text = printed.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("stream round trips 200 (two hops each): p50 "), text);
        assertTrue(text.contains("one hop (XADD to a blocked XREAD): p50 "), text);
    }

    @Test
    void refusesUnknownOptionsAndRoundTripsOutOfRange() {
        assertThrows(UsageException.class, () -> StreamHopFloor.parse("--clients", "3"));
        assertThrows(UsageException.class, () -> StreamHopFloor.parse("--round-trips", "0"));
        assertThrows(UsageException.class, () -> StreamHopFloor.parse("--round-trips", "many"));
        assertThrows(UsageException.class, () -> StreamHopFloor.parse("--redis"));
    }
}
