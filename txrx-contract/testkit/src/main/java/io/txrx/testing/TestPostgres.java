package io.txrx.testing;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * The PostgreSQL the tests talk to: {@code TXRX_DB_URL} (with {@code TXRX_DB_USER}, {@code TXRX_DB_PASSWORD})
 * when set, else a Testcontainers PostgreSQL when a Docker engine answers, else an embedded one. Each test
 * gets a database of its own, so tests never see each other's rows.
 */
public final class TestPostgres {
    private static final Logger LOG = Logger.getLogger(TestPostgres.class.getName());
    private static Server server;

    /** Where a server is and how to sign in to it. */
    public record Server(String url, String user, String password) {}

    private TestPostgres() {}

    /** A new, empty database on the test server. */
    public static Server freshDatabase() {
        Server base = server();
        String name =
                "txrx_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection connection = DriverManager.getConnection(base.url(), base.user(), base.password());
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create a test database on " + base.url(), e);
        }
        String url = base.url().replaceFirst("/[^/?]*(\\?|$)", "/" + name + "$1");
        return new Server(url, base.user(), base.password());
    }

    public static synchronized Server server() {
        if (server == null) {
            server = start();
            LOG.info("Tests use PostgreSQL at " + server.url());
        }
        return server;
    }

    private static Server start() {
        String url = setting("TXRX_DB_URL", null);
        if (url != null) {
            return new Server(url, setting("TXRX_DB_USER", "postgres"), setting("TXRX_DB_PASSWORD", ""));
        }
        if (DockerClientFactory.instance().isDockerAvailable()) {
            PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            return new Server(container.getJdbcUrl(), container.getUsername(), container.getPassword());
        }
        try {
            EmbeddedPostgres embedded = EmbeddedPostgres.builder().start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    embedded.close();
                } catch (IOException e) {
                    LOG.warning("Embedded PostgreSQL did not stop: " + e.getMessage());
                }
            }));
            return new Server(embedded.getJdbcUrl("postgres", "postgres"), "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start an embedded PostgreSQL", e);
        }
    }

    /**
     * A {@code TXRX_DB_*} setting: from the environment, or from the {@code txrx.test.db.*} system property
     * the build passes instead (the build blanks the variables for the test JVM, whose Payara Micro
     * processes would otherwise take them over each test's own database).
     */
    private static String setting(String variable, String fallback) {
        String property = System.getProperty(
                "txrx.test." + variable.substring(5).toLowerCase().replace('_', '.'));
        String value = property != null && !property.isBlank() && !property.startsWith("${")
                ? property
                : System.getenv(variable);
        return value == null || value.isBlank() ? fallback : value;
    }
}
