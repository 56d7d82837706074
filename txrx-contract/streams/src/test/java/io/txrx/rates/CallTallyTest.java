package io.txrx.rates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.rates.CallTally.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Counting answered calls by method and outcome from many threads, and draining them once a second. */
class CallTallyTest {
    private final CallTally cut = new CallTally(100);

    @Test
    void countsCallsAndErrorsByCodeUntilDrained() {
        cut.count("system.echo", 0);
        cut.count("system.echo", 0);
        cut.count("system.sleep", -32602);
        cut.count(null, -32700);

        Map<String, Counts> drained = cut.drain();

        assertEquals(new Counts(2, Map.of()), drained.get("system.echo"));
        assertEquals(new Counts(1, Map.of(-32602, 1L)), drained.get("system.sleep"));
        assertEquals(1, drained.get(CallTally.INVALID).errorCount());
        assertTrue(cut.drain().isEmpty(), "a drain takes the counts");
    }

    @Test
    void noCallIsLostOrCountedTwiceWhileDrainsRunAlongside() throws Exception {
        int threads = 4;
        int perThread = 50_000;
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> counters = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread counter = new Thread(() -> {
                for (int i = 0; i < perThread; i++) {
                    cut.count(i % 2 == 0 ? "a.x" : "b.y", i % 10 == 0 ? -32603 : 0);
                }
                done.countDown();
            });
            counters.add(counter);
            counter.start();
        }
        long calls = 0;
        long errors = 0;
        while (!done.await(1, TimeUnit.MILLISECONDS)) {
            for (Counts counts : cut.drain().values()) {
                calls += counts.calls();
                errors += counts.errorCount();
            }
        }
        for (Counts counts : cut.drain().values()) {
            calls += counts.calls();
            errors += counts.errorCount();
        }
        assertEquals((long) threads * perThread, calls);
        assertEquals((long) threads * perThread / 10, errors);
    }

    @Test
    void methodsBeyondTheCapCountAsOtherAndIdleOnesAreForgotten() {
        CallTally small = new CallTally(2);
        small.count("a.one", 0);
        small.count("a.two", 0);
        small.count("a.three", 0);
        small.count("a.four", -32601);

        Map<String, Counts> drained = small.drain();
        assertEquals(new Counts(2, Map.of(-32601, 1L)), drained.get(CallTally.OTHER));

        small.drain(); // every method idle for a whole period: forgotten
        small.count("a.five", 0);
        assertEquals(1, small.drain().get("a.five").calls(), "room again once idle names are gone");
    }

    @Test
    void restoredCountsGoWithTheNextDrain() {
        cut.count("system.echo", -32004);
        Map<String, Counts> failedToWrite = cut.drain();
        cut.count("system.echo", 0);

        cut.restore(failedToWrite);

        assertEquals(new Counts(2, Map.of(-32004, 1L)), cut.drain().get("system.echo"));
    }
}
