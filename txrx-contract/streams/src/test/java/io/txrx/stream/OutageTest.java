package io.txrx.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What an operator reads while Redis is down: one warning per outage, one line when it is over. */
class OutageTest {
    private static final Logger LOG = Logger.getLogger(Outage.class.getName());
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            if (record.getLevel().intValue() >= Level.INFO.intValue()) {
                logged.add(record);
            }
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Outage cut = new Outage("RX loop");

    @BeforeEach
    void listen() {
        LOG.addHandler(capture);
    }

    @AfterEach
    void stopListening() {
        LOG.removeHandler(capture);
    }

    @Test
    void manyFailuresMakeOneWarningAndTheRecoveryOneLine() {
        var refused = new IllegalStateException("Connection refused");
        assertTrue(cut.failed(refused, 1_000), "the first failure begins the outage");
        for (int retry = 1; retry <= 20; retry++) {
            assertFalse(cut.failed(refused, 1_000 + retry * 500L));
        }
        assertTrue(cut.ongoing());
        assertEquals(1_000, cut.sinceMs());

        assertTrue(cut.succeeded(12_000));
        assertFalse(cut.succeeded(12_100), "working rounds after it log nothing");

        assertEquals(
                List.of(Level.WARNING, Level.INFO),
                logged.stream().map(LogRecord::getLevel).toList());
        assertEquals(List.of("RX loop", 11_000L, 21), List.of(logged.get(1).getParameters()));
        assertFalse(cut.ongoing());
        assertEquals(0, cut.sinceMs());
    }

    @Test
    void aSecondOutageIsReportedAgain() {
        cut.failed(new IllegalStateException("down"), 1);
        cut.succeeded(2);
        assertTrue(cut.failed(new IllegalStateException("down again"), 3));
        assertEquals(3, logged.stream().filter(r -> r.getLevel() != Level.FINE).count());
    }
}
