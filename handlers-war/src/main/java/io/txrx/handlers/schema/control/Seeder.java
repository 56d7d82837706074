package io.txrx.handlers.schema.control;

import io.txrx.handlers.auth.control.Passwords;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Seed data, idempotent and safe when several instances start at once (inserts that skip existing rows):
 * the admin user from configuration — with a generated password, logged once by the instance that created
 * it, when none is configured — and, when {@code txrx.seed.demo} is on, a few demo users.
 */
@ApplicationScoped
public class Seeder {
    private static final Logger LOG = Logger.getLogger(Seeder.class.getName());
    private static final List<String> DEMO_USERS = List.of("ada", "grace", "linus");

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

    public void seed(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String password = adminPassword.filter(p -> !p.isBlank()).orElseGet(passwords::generate);
            if (insertUser(connection, adminEmail, adminUsername, "Administrator", password, Set.of("admin", "user"))
                    && adminPassword.filter(p -> !p.isBlank()).isEmpty()) {
                LOG.log(
                        Level.WARNING,
                        "Created the admin user {0} with the generated password {1} (shown once; "
                                + "set txrx.auth.admin.password to choose one)",
                        new Object[] {adminUsername, password});
            }
            if (demo) {
                seedDemo(connection);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Seeding the database failed: " + e.getMessage(), e);
        }
    }

    private void seedDemo(Connection connection) throws SQLException {
        String password = demoPassword.filter(p -> !p.isBlank()).orElseGet(passwords::generate);
        int created = 0;
        for (String name : DEMO_USERS) {
            if (insertUser(
                    connection,
                    name + "@demo.txrx.local",
                    name,
                    Character.toUpperCase(name.charAt(0)) + name.substring(1),
                    password,
                    Set.of("user"))) {
                created++;
            }
        }
        if (created > 0 && demoPassword.filter(p -> !p.isBlank()).isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "Created {0} demo users {1} with the generated password {2} (shown once)",
                    new Object[] {created, DEMO_USERS, password});
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
