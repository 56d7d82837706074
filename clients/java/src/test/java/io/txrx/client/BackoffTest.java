package io.txrx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void theDelayDoublesPerAttemptUpToTheCap() {
        List<Long> delays = IntStream.of(0, 1, 2, 3, 4, 10)
                .mapToObj(attempt -> Backoff.delayMillis(attempt, 100, 1000, 1.0))
                .toList();
        assertEquals(List.of(100L, 200L, 400L, 800L, 1000L, 1000L), delays);
    }

    @Test
    void jitterKeepsTheDelayInTheUpperHalf() {
        assertEquals(400, Backoff.delayMillis(3, 100, 10_000, 0.0));
        assertEquals(600, Backoff.delayMillis(3, 100, 10_000, 0.5));
        Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10), null);
        long delay = backoff.nextMillis();
        assertTrue(delay >= 100 && delay <= 200, () -> "delay " + delay);
    }

    @Test
    void hugeAttemptCountsStayAtTheCap() {
        assertEquals(8000, Backoff.delayMillis(5000, 250, 8000, 1.0));
    }

    @Test
    void resetStartsOver() {
        Backoff backoff = new Backoff(Duration.ofMillis(10), Duration.ofSeconds(1), () -> 1.0);
        assertEquals(List.of(10L, 20L, 40L), List.of(backoff.nextMillis(), backoff.nextMillis(), backoff.nextMillis()));
        backoff.reset();
        assertEquals(10, backoff.nextMillis());
    }

    @Test
    void gatewaysAreTriedInTurn() {
        var a = java.net.URI.create("ws://a/ws");
        var b = java.net.URI.create("ws://b/ws");
        Gateways gateways = new Gateways(List.of(a, b));
        assertEquals(List.of(a, b, a), List.of(gateways.current(), gateways.advance(), gateways.advance()));
    }
}
