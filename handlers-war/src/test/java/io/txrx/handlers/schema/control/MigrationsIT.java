package io.txrx.handlers.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.txrx.handlers.auth.control.Passwords;
import io.txrx.testing.TestPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** Two instances starting at once against real PostgreSQL: each migration applied once, each seed row once. */
class MigrationsIT {

    /** Hashing is not under test here; PBKDF2 comes from the container. */
    static final class PlainPasswords extends Passwords {
        private int generated;

        @Override
        public String hash(String password) {
            return "test-hash:" + password.length();
        }

        @Override
        public synchronized String generate() {
            return "generated-" + ++generated;
        }
    }

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    MigrationsIT() {
        TestPostgres.Server database = TestPostgres.freshDatabase();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
    }

    private Seeder seeder() {
        Seeder seeder = new Seeder();
        seeder.passwords = new PlainPasswords();
        seeder.adminEmail = "admin@example.org";
        seeder.adminUsername = "admin";
        seeder.adminPassword = Optional.empty();
        seeder.demo = true;
        seeder.demoPassword = Optional.empty();
        return seeder;
    }

    private void startInstance(CountDownLatch go) {
        try {
            go.await();
            Migrations.run(dataSource);
            seeder().seed(dataSource);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The versioned migrations (V<n>__*.sql) of the module. */
    private static long versionedMigrations() throws Exception {
        try (var files = Files.list(Path.of(
                MigrationsIT.class.getClassLoader().getResource("db/migration").toURI()))) {
            return files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql"))
                    .count();
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    @Test
    void twoInstancesStartingTogetherMigrateAndSeedOnce() throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        var first = CompletableFuture.runAsync(() -> startInstance(go));
        var second = CompletableFuture.runAsync(() -> startInstance(go));
        go.countDown();
        CompletableFuture.allOf(first, second).get(120, TimeUnit.SECONDS);

        assertEquals(
                versionedMigrations(),
                count("SELECT COUNT(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL"));
        assertEquals(
                versionedMigrations(),
                count(
                        "SELECT COUNT(DISTINCT version) FROM flyway_schema_history WHERE success AND version IS NOT NULL"));
        assertEquals(1, count("SELECT COUNT(*) FROM users WHERE username = 'admin'"));
        assertEquals(
                2,
                count("SELECT COUNT(*) FROM user_roles r JOIN users u ON u.id = r.user_id WHERE u.username = 'admin'"));
        assertEquals(4, count("SELECT COUNT(*) FROM users"));
    }

    @Test
    void restartingChangesNothing() throws Exception {
        Migrations.run(dataSource);
        seeder().seed(dataSource);
        String hash = adminHash();
        Migrations.run(dataSource);
        seeder().seed(dataSource);
        assertEquals(hash, adminHash());
        assertEquals(4, count("SELECT COUNT(*) FROM users"));
    }

    private String adminHash() throws SQLException {
        try (Connection c = dataSource.getConnection();
                ResultSet rows =
                        c.createStatement().executeQuery("SELECT password_hash FROM users WHERE username = 'admin'")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
