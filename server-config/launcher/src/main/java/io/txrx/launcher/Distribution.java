package io.txrx.launcher;

import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder the build fills with Payara Micro and the per-role deployables ({@code target/txrx} beside the
 * launcher jar).
 */
public record Distribution(Path home) {

    /** System property naming the folder; tests get it from the build. */
    public static final String HOME_PROPERTY = "txrx.home";

    public Path microJar() {
        return home.resolve("payara-micro.jar");
    }

    public Path gatewayWar() {
        return home.resolve("gateway.war");
    }

    public Path handlersWar() {
        return home.resolve("handlers.war");
    }

    /** The dispatcher as a web module, so that its process serves /health and /metrics. */
    public Path dispatcherWar() {
        return home.resolve("dispatcher.war");
    }

    public Path rootWar() {
        return home.resolve("ROOT.war");
    }

    /** Fails with the list of missing files, so a user knows to build first. */
    public Distribution verified() {
        List<Path> missing = Stream.of(microJar(), gatewayWar(), handlersWar(), dispatcherWar(), rootWar())
                .filter(file -> !Files.isRegularFile(file))
                .toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(
                    "missing " + missing + "; build first: ./mvnw -DskipTests install (from the repository root)");
        }
        return this;
    }

    /** The folder given by {@value #HOME_PROPERTY}, else {@code txrx/} beside the launcher jar or classes. */
    public static Distribution locate() {
        String configured = System.getProperty(HOME_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            return new Distribution(Path.of(configured).toAbsolutePath());
        }
        return new Distribution(launcherTarget().resolve("txrx"));
    }

    /** {@code target/} of the launcher module: where the jar or the compiled classes are. */
    static Path launcherTarget() {
        try {
            Path code = Path.of(Distribution.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
            return code.toAbsolutePath().getParent();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new java.io.IOException("cannot locate the launcher", e));
        }
    }
}
