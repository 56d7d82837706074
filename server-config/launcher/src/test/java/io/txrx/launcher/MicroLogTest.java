package io.txrx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroLogTest {

    static final String READY = "[2026-11-27T15:34:01.374+0000] [] [\u001B[1;92mINFO\u001B[0m] [] "
            + "[\u001B[1;94mPayaraMicro\u001B[0m] [tid: _ThreadID=1 _ThreadName=main] "
            + "[timeMillis: 1795793641374] [levelValue: 800] "
            + "Payara Micro 6.2025.10 (build 42) ready in 7,644 (ms)";
    static final String FAILED = "  Exception while loading the app : CDI deployment failure:WELD-001408: "
            + "Unsatisfied dependencies for type Callable<String> with qualifiers @Default";

    @TempDir
    Path dir;

    @Test
    void readyWhenMicroSaysSo() throws Exception {
        MicroLog log = log("booting", READY);

        assertTrue(log.ready());
        assertEquals(Optional.empty(), log.deploymentFailure());
    }

    @Test
    void aFailedDeploymentIsFoundThoughMicroSaysReady() throws Exception {
        MicroLog log = log("booting", FAILED, READY);

        assertTrue(log.ready());
        assertEquals(Optional.of(FAILED), log.deploymentFailure());
    }

    @Test
    void colourCodesAreRemovedAndTheTailIsTheLastLines() throws Exception {
        MicroLog log = log("a", "b", READY);

        assertEquals(List.of("b", MicroLog.plain(READY)), log.tail(2));
        assertFalse(log.tail(1).get(0).contains("\u001B"));
    }

    @Test
    void aMissingFileIsEmpty() {
        MicroLog log = new MicroLog(dir.resolve("none.log"));

        assertFalse(log.ready());
        assertEquals(List.of(), log.tail(5));
    }

    private MicroLog log(String... lines) throws Exception {
        Path file = dir.resolve("gateway.log");
        Files.write(file, List.of(lines));
        return new MicroLog(file);
    }
}
