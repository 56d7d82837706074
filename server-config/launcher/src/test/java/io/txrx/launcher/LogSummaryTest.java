package io.txrx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class LogSummaryTest {

    private static String record(String level, String logger, String message) {
        return "[2026-11-27T15:34:01.088+0000] [] [\u001B[1;92m" + level + "\u001B[0m] [] [\u001B[1;94m" + logger
                + "\u001B[0m] [tid: _ThreadID=1 _ThreadName=main] [timeMillis: 1795793641088] [levelValue: 800] "
                + message;
    }

    @Test
    void milestonesTxrxRecordsAndSevereReachTheConsole() {
        assertEquals(
                "INFO core: ROOT was successfully deployed in 3,006 milliseconds.",
                LogSummary.summarize(record(
                        "INFO",
                        "javax.enterprise.system.core",
                        "ROOT was successfully deployed in 3,006 milliseconds.")));
        assertEquals(
                "INFO PeerNetwork: Peer x shared 3 methods",
                LogSummary.summarize(record("INFO", "io.txrx.p2p.boundary.PeerNetwork", "Peer x shared 3 methods")));
        assertEquals(
                "SEVERE core: Exception while loading the app",
                LogSummary.summarize(
                        record("SEVERE", "javax.enterprise.system.core", "Exception while loading the app")));
    }

    @Test
    void everythingElseStaysInTheFile() {
        assertNull(LogSummary.summarize(record("WARNING", "javax.enterprise.system.security.ssl", "expired cert")));
        assertNull(LogSummary.summarize(record("INFO", "jakarta.enterprise.web", "Loading application [ROOT] at [/]")));
        assertNull(LogSummary.summarize("    at java.base/java.lang.Thread.run(Thread.java:840)"));
    }
}
