package io.txrx.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/** One running Payara Micro process: its deployables, environment, port and log file. */
public final class MicroProcess implements AutoCloseable {

    /** How long a clean stop may take before the process is killed. */
    public static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private static final Duration POLL = Duration.ofMillis(250);

    private final String name;
    private final int port;
    private final Process process;
    private final MicroLog log;

    private MicroProcess(String name, int port, Process process, MicroLog log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts Payara Micro with the given deployables. Its output goes to {@code <runDir>/<name>.log}; its
     * work folder {@code <runDir>/<name>/} is emptied first.
     *
     * @param env added to (and overriding) the environment this JVM was started with
     */
    public static MicroProcess start(
            MicroRuntime runtime, String name, int port, Map<String, String> env, Path... deployables)
            throws IOException {
        Path workDir = runtime.runDir().resolve(name);
        deleteTree(workDir);
        Files.createDirectories(workDir.resolve("tmp"));
        Path logFile = runtime.runDir().resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(runtime.command(name, port, workDir, Arrays.asList(deployables)))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().putAll(env);
        return new MicroProcess(name, port, builder.start(), new MicroLog(logFile));
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public MicroLog log() {
        return log;
    }

    /** {@code ws://127.0.0.1:<port>/gateway/ws}: the endpoint if this process serves the gateway role. */
    public URI gatewayUri() {
        return URI.create("ws://" + MicroRuntime.BIND_ADDRESS + ":" + port + "/gateway/ws");
    }

    /**
     * Waits for Micro's ready line with no failed deployment before it. Micro prints that line even when a
     * deployment failed, so both are checked.
     *
     * @throws IllegalStateException if a deployment failed or the process ended
     * @throws TimeoutException      if neither happened in time
     */
    public void awaitReady(Duration timeout) throws TimeoutException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            var failure = log.deploymentFailure();
            if (failure.isPresent()) {
                throw new IllegalStateException(name + ": deployment failed: " + failure.get() + describeTail());
            }
            if (log.ready()) {
                return;
            }
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " ended with exit code " + process.exitValue() + describeTail());
            }
            Thread.sleep(POLL.toMillis());
        }
        throw new TimeoutException(name + " not ready after " + timeout.toSeconds() + " s" + describeTail());
    }

    /** Completes when the process has ended, however it ended. */
    public CompletableFuture<MicroProcess> onExit() {
        return process.onExit().thenApply(ended -> this);
    }

    /** SIGTERM without waiting: Payara undeploys (the apps say {@code bye}) and exits. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the process gets no chance to clean up (no {@code bye}, pending entries stay pending). */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(STOP_GRACE.toSeconds(), TimeUnit.SECONDS);
    }

    /** SIGTERM, then SIGKILL if the process has not ended within the grace period. */
    public void stop(Duration grace) throws InterruptedException {
        terminate();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            kill();
        }
    }

    public void stop() throws InterruptedException {
        stop(STOP_GRACE);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The last lines of the log, to explain a failure. */
    public String describeTail() {
        return System.lineSeparator() + "--- last lines of " + log.file() + System.lineSeparator()
                + String.join(System.lineSeparator(), log.tail(40));
    }

    @Override
    public String toString() {
        return name + " (pid " + process.pid() + ", port " + port + ")";
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(MicroProcess::delete);
        }
    }

    private static void delete(Path path) {
        try {
            Files.delete(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
