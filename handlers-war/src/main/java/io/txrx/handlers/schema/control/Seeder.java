package io.txrx.handlers.schema.control;

import io.txrx.handlers.auth.control.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seed data, idempotent and safe when several instances start at once (one seeds at a time, under a
 * transaction-scoped advisory lock, and inserts only what is missing; in the transaction the connection is
 * in, else in one of its own): the admin user from configuration
 * and, when {@code txrx.seed.demo} is on, a few demo users. A password the configuration does not give is
 * generated and written to the {@link PasswordFile} ({@code txrx.seed.password-file}) before the users are
 * committed; the log says where, never what.
 */
@ApplicationScoped
public class Seeder {
    private static final Logger LOG = Logger.getLogger(Seeder.class.getName());
    private static final List<String> DEMO_USERS = List.of("ada", "grace", "linus");
    /** The advisory lock seeding holds: any number unique to it ("txrx" + "seed"). */
    private static final long SEED_LOCK = 0x7478_7278_7365_6564L;

    @Inject
    Passwords passwords;

    @Inject
    @ConfigProperty(name = "txrx.auth.admin.email")
    String adminEmail;

    @Inject
    @ConfigProperty(name = "txrx.auth.admin.username")
    String adminUsername;

    @Inject
    @ConfigProperty(name = "txrx.auth.admin.password")
    Optional<String> adminPassword;

    @Inject
    @ConfigProperty(name = "txrx.seed.demo")
    boolean demo;

    @Inject
    @ConfigProperty(name = "txrx.seed.demo-password")
    Optional<String> demoPassword;

    @Inject
    @ConfigProperty(name = "txrx.seed.password-file")
    String passwordFile;

    public void seed(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                seed(connection); // in the caller's transaction (the container's, at start), which commits it
                return;
            }
            connection.setAutoCommit(false);
            try {
                seed(connection);
                connection.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Seeding the database failed: " + e.getMessage(), e);
        }
    }

    private void seed(Connection connection) throws SQLException, IOException {
        try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
            lock.setLong(1, SEED_LOCK);
            lock.execute();
        }
        Map<String, String> generated = new LinkedHashMap<>();
        Optional<String> configured = adminPassword.filter(p -> !p.isBlank());
        String password = configured.orElseGet(passwords::generate);
        if (insertUser(connection, adminEmail, adminUsername, "Administrator", password, Set.of("admin", "user"))
                && configured.isEmpty()) {
            generated.put(adminUsername, password);
        }
        if (demo) {
            seedDemo(connection, generated);
        }
        if (generated.isEmpty()) {
            return;
        }
        Path file = PasswordFile.of(passwordFile);
        PasswordFile.write(file, generated);
        LOG.log(
                Level.WARNING,
                "Created the user(s) {0} with generated passwords, written to {1} (readable only by its owner;"
                        + " set txrx.auth.admin.password and txrx.seed.demo-password to choose them)",
                new Object[] {generated.keySet(), file});
    }

    private void seedDemo(Connection connection, Map<String, String> generated) throws SQLException {
        Optional<String> configured = demoPassword.filter(p -> !p.isBlank());
        String password = configured.orElseGet(passwords::generate);
        for (String name : DEMO_USERS) {
            if (insertUser(
                            connection,
                            name + "@demo.txrx.local",
                            name,
                            Character.toUpperCase(name.charAt(0)) + name.substring(1),
                            password,
                            Set.of("user"))
                    && configured.isEmpty()) {
                generated.put(name, password);
            }
        }
    }

    /** Inserts the user unless its email or username exists; answers whether it did. */
    private boolean insertUser(
            Connection connection,
            String email,
            String username,
            String displayName,
            String password,
            Set<String> roles)
            throws SQLException {
        long id;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO users (email, username, display_name, "
                        + "password_hash, created_at) VALUES (?, ?, ?, ?, now() AT TIME ZONE 'utc') ON CONFLICT DO NOTHING RETURNING id")) {
            insert.setString(1, email.toLowerCase());
            insert.setString(2, username);
            insert.setString(3, displayName);
            insert.setString(4, passwords.hash(password));
            try (var rows = insert.executeQuery()) {
                if (!rows.next()) {
                    return false;
                }
                id = rows.getLong(1);
            }
        }
        try (PreparedStatement role =
                connection.prepareStatement("INSERT INTO user_roles (user_id, role) VALUES (?, ?)")) {
            for (String name : roles) {
                role.setLong(1, id);
                role.setString(2, name);
                role.addBatch();
            }
            role.executeBatch();
        }
        return true;
    }
}
