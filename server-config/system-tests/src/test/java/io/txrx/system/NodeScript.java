package io.txrx.system;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * A Node.js script run by a test: each line it prints is a JSON event the test waits for; its stderr goes to a
 * log file. The WebSocket the JS client uses is Node's own (22+), the {@code ws} package installed beside the
 * client, or Node 20's experimental one.
 */
final class NodeScript implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(NodeScript.class.getName());

    private final Process process;
    private final BlockingQueue<JsonObject> events = new LinkedBlockingQueue<>();
    private final List<JsonObject> seen = new CopyOnWriteArrayList<>();

    private NodeScript(Process process) {
        this.process = process;
        Thread reader = new Thread(this::readEvents, "node-events");
        reader.setDaemon(true);
        reader.start();
    }

    /** The {@code node} on the PATH, if any. */
    static Optional<Path> node() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        return Stream.of(path.split(File.pathSeparator))
                .map(dir -> Path.of(dir, "node"))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** Major version of a {@code node} binary, from {@code node --version} ({@code v20.11.1}). */
    static int majorVersion(Path node) throws IOException, InterruptedException {
        Process version = new ProcessBuilder(node.toString(), "--version")
                .redirectErrorStream(true)
                .start();
        String text = new String(version.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        if (!version.waitFor(30, TimeUnit.SECONDS) || !text.matches("v\\d+\\..*")) {
            throw new IOException("unexpected node --version: " + text);
        }
        return Integer.parseInt(text.substring(1, text.indexOf('.')));
    }

    static NodeScript start(Path node, Path script, Path clientDir, Map<String, String> env, Path log)
            throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(node.toString()));
        if (majorVersion(node) < 22 && !Files.isDirectory(clientDir.resolve("node_modules/ws"))) {
            command.add("--experimental-websocket");
        }
        command.add(script.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().putAll(env);
        LOG.info(() -> "node: " + command);
        return new NodeScript(builder.start());
    }

    /** The next event matching {@code wanted}, skipping others; empty if none came in time or the script ended. */
    Optional<JsonObject> await(Predicate<JsonObject> wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            JsonObject event = events.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(250)), TimeUnit.NANOSECONDS);
            if (event != null && wanted.test(event)) {
                return Optional.of(event);
            }
            if (event == null && !process.isAlive() && events.isEmpty()) {
                return Optional.empty();
            }
        }
    }

    static Predicate<JsonObject> event(String name) {
        return event -> name.equals(event.getString("event", ""));
    }

    /** Every event the script printed so far, in order. */
    List<JsonObject> seen() {
        return List.copyOf(seen);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private void readEvents() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String text = line;
                LOG.info(() -> "node: " + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
                try (var reader = Json.createReader(new StringReader(text))) {
                    JsonObject event = reader.readObject();
                    seen.add(event);
                    events.add(event);
                } catch (JsonException e) {
                    LOG.warning(() -> "node printed a line that is not an event: " + text);
                }
            }
        } catch (IOException e) {
            LOG.warning(() -> "reading node's output failed: " + e);
        }
    }
}
