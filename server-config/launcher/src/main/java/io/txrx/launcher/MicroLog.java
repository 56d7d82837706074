package io.txrx.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The console output of one Payara Micro process, as written to its log file. */
public record MicroLog(Path file) {

    private static final Pattern ANSI = Pattern.compile("\u001B\\[[;\\d]*m");
    /** Micro's last boot line, e.g. {@code Payara Micro 6.2025.10 (build 42) ready in 7,644 (ms)}. */
    private static final Pattern READY = Pattern.compile("Payara Micro .* ready in [\\d,.]+ \\(ms\\)");
    /** What Payara logs when a deployment fails; Micro still prints its ready line afterwards. */
    private static final List<String> DEPLOYMENT_FAILURES = List.of(
            "Exception while loading the app",
            "Exception while deploying the app",
            "Exception during lifecycle processing",
            "Error occurred during deployment");

    public List<String> lines() {
        try {
            String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            return text.lines().map(MicroLog::plain).toList();
        } catch (NoSuchFileException e) {
            return List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean ready() {
        return lines().stream().anyMatch(line -> READY.matcher(line).find());
    }

    /** The first line telling that a deployment failed, if any. */
    public Optional<String> deploymentFailure() {
        return lines().stream().filter(MicroLog::isDeploymentFailure).findFirst();
    }

    public List<String> tail(int count) {
        List<String> lines = lines();
        return lines.subList(Math.max(0, lines.size() - count), lines.size());
    }

    static boolean isDeploymentFailure(String line) {
        return DEPLOYMENT_FAILURES.stream().anyMatch(line::contains);
    }

    /** The line without terminal colour codes. */
    static String plain(String line) {
        return ANSI.matcher(line).replaceAll("");
    }
}
