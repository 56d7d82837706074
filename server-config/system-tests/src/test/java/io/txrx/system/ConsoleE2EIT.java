package io.txrx.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.txrx.launcher.MicroProcess;
import io.txrx.launcher.MicroRuntime;
import io.txrx.launcher.Role;
import io.txrx.launcher.Secrets;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console (frontend-war) end to end in a real headless Chromium, against every role in one Payara Micro: the
 * seeded admin signs in (its generated password read from the seed-passwords file), a second user registers in
 * another browser context, {@code system.echo} answers, a channel message published from a second browser context
 * arrives, the socket is dropped and the channel goes on without a gap, the cluster view lists the live peers, a
 * chat message reaches the other context, a notification reaches its SSE feed and the report, the playground fits a
 * phone, the admin signs out. The browser is driven by
 * {@code frontend-war/src/main/frontend/e2e/console.e2e.mjs} (playwright-core over the DevTools protocol) and
 * leaves its screenshots in {@code target/e2e}. Skipped, saying why, when Chromium, node or the console's
 * node_modules are missing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleE2EIT {

    private static final Logger LOG = Logger.getLogger(ConsoleE2EIT.class.getName());
    private static final Duration BOOT = Duration.ofSeconds(360);
    private static final Duration RUN = Duration.ofSeconds(180);
    static final Path CHROMIUM = Path.of(System.getProperty("txrx.chromium", "/usr/bin/chromium"));

    private final Path runDir = Path.of("target", "it-run-console").toAbsolutePath();
    private final Path screenshots = Path.of("target", "e2e").toAbsolutePath();
    private final Path frontend = Path.of(System.getProperty("txrx.frontend", "../../frontend-war/src/main/frontend"))
            .toAbsolutePath()
            .normalize();
    private final String admin = "e2e-admin-" + Secrets.randomHex(3);
    private final String user = "e2e-user-" + Secrets.randomHex(3);
    private Path node;
    private SystemUnderTest system;
    private MicroProcess all;
    private NodeScript script;
    private String skipped;

    @BeforeAll
    void startEveryRoleInOneProcess() throws Exception {
        node = NodeScript.node().orElse(null);
        skipped = whySkipped();
        if (skipped != null) {
            LOG.warning(() -> "ConsoleE2EIT is skipped: " + skipped);
            return;
        }
        // an admin of this run's own (the database may be shared with other tests), seeded at start with a
        // generated password that goes to the seed-passwords file, as for the run command's admin
        system = new SystemUnderTest(
                runDir, Map.of("TXRX_AUTH_ADMIN_USERNAME", admin, "TXRX_AUTH_ADMIN_EMAIL", admin + "@txrx.test"));
        all = system.start(Role.ALL, "all");
        system.awaitReady(BOOT);
    }

    /** Why this test cannot run here, or {@code null}. */
    private String whySkipped() {
        if (!Files.isExecutable(CHROMIUM)) {
            return "Chromium is not installed (" + CHROMIUM + "). Install it with: apt-get install -y chromium"
                    + " chromium-driver (.ci/run does so when it can)";
        }
        if (node == null) {
            return "node is not on the PATH";
        }
        if (!Files.isDirectory(frontend.resolve("node_modules/playwright-core"))) {
            return "the console was not built with npm (no " + frontend.resolve("node_modules/playwright-core") + ")";
        }
        return null;
    }

    @Test
    void anAdminAndAUserUseTheConsoleInTwoBrowserContexts() throws Exception {
        assumeTrue(skipped == null, () -> "skipped: " + skipped);
        Map<String, String> passwords = seedPasswords(runDir.resolve("seed-passwords"));
        Map<String, String> env = new HashMap<>();
        env.put("TXRX_PAGE", "http://" + MicroRuntime.BIND_ADDRESS + ":" + all.port() + "/");
        env.put("TXRX_ADMIN", admin);
        env.put("TXRX_ADMIN_PASSWORD", passwords.get(admin));
        env.put("TXRX_USER", user);
        env.put("TXRX_CHROMIUM", CHROMIUM.toString());
        env.put("TXRX_SCREENSHOTS", screenshots.toString());
        script = NodeScript.start(
                node, frontend.resolve("e2e/console.e2e.mjs"), frontend, env, runDir.resolve("e2e-node.log"));

        Optional<JsonObject> end = script.await(e -> List.of("done", "failed").contains(e.getString("event", "")), RUN);
        List<String> steps = script.seen().stream()
                .filter(NodeScript.event("step"))
                .map(e -> e.getString("step"))
                .toList();
        LOG.info(() -> "console e2e steps: " + steps);
        assertEquals(
                "done",
                end.map(e -> e.getString("event")).orElse("no end within " + RUN),
                () -> "the console's end-to-end run: " + script.seen() + " (browser log: "
                        + runDir.resolve("e2e-node.log") + ")");
        assertEquals(
                List.of(
                        "admin signs in",
                        "a second user registers and signs in in a second browser context",
                        "system.echo answers",
                        "a channel message published from the second page arrives",
                        "the socket drops: the state shows it, and the channel goes on without a gap",
                        "the cluster view lists the live peers",
                        "a chat message from the admin reaches the user in the other context",
                        "the users page lists users",
                        "a notification sent from the backoffice arrives on its live SSE feed and in the report",
                        "the playground fits a phone-sized screen",
                        "sign out"),
                steps);
        copyScreenshotsToDocs();
    }

    @AfterAll
    void stopEverything() throws Exception {
        if (script != null) {
            script.seen().stream().filter(NodeScript.event("browser")).forEach(e -> ProcessHandle.of(
                            e.getJsonNumber("pid").longValue())
                    .ifPresent(ProcessHandle::destroyForcibly));
            script.close();
        }
        if (system != null) {
            system.close();
        }
    }

    /** {@code username=password} lines, as the seeding writes them. */
    private static Map<String, String> seedPasswords(Path file) throws IOException {
        Map<String, String> passwords = new HashMap<>();
        for (String line : Files.readAllLines(file)) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                passwords.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return passwords;
    }

    /** With {@code -Dtxrx.e2e.docs=<folder>}, the screenshots the README shows are replaced by this run's. */
    private void copyScreenshotsToDocs() throws IOException {
        String docs = System.getProperty("txrx.e2e.docs", "");
        if (docs.isBlank()) {
            return;
        }
        Path folder = Path.of(docs);
        Files.createDirectories(folder);
        for (String name : List.of(
                "playground.png", "backoffice-cluster.png", "backoffice-chat.png", "backoffice-notifications.png")) {
            Files.copy(
                    screenshots.resolve(name), folder.resolve("console-" + name), StandardCopyOption.REPLACE_EXISTING);
        }
        LOG.info(() -> "screenshots copied to " + folder);
    }
}
