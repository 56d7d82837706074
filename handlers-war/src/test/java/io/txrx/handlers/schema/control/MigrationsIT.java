package io.txrx.handlers.schema.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.handlers.auth.control.Passwords;
import io.txrx.testing.TestPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two instances starting at once against real PostgreSQL: each migration applied once, each seed row once;
 * and the generated passwords in a file of the owner's, not in the log.
 */
class MigrationsIT {

    /** Hashing is not under test here; PBKDF2 comes from the container. */
    static final class PlainPasswords extends Passwords {
        private int generated;

        @Override
        public String hash(String password) {
            return "test-hash:" + password;
        }

        @Override
        public synchronized String generate() {
            return "generated-" + UUID.randomUUID() + "-" + ++generated;
        }
    }

    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();
    private final Path passwordFile;

    MigrationsIT() {
        TestPostgres.Server database = TestPostgres.freshDatabase();
        dataSource.setUrl(database.url());
        dataSource.setUser(database.user());
        dataSource.setPassword(database.password());
        try {
            passwordFile =
                    Files.createTempDirectory("txrx-seed").resolve("private").resolve("seed-passwords");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void removePasswordFile() throws IOException {
        Files.deleteIfExists(passwordFile);
        Files.deleteIfExists(passwordFile.getParent());
        Files.deleteIfExists(passwordFile.getParent().getParent());
    }

    private Seeder seeder() {
        Seeder seeder = new Seeder();
        seeder.passwords = new PlainPasswords();
        seeder.adminEmail = "admin@example.org";
        seeder.adminUsername = "admin";
        seeder.adminPassword = Optional.empty();
        seeder.demo = true;
        seeder.demoPassword = Optional.empty();
        seeder.passwordFile = passwordFile.toString();
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

    @Test
    void generatedPasswordsGoToAFileOnlyItsOwnerCanReadAndTheLogSaysOnlyWhere() throws Exception {
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger log = Logger.getLogger(Seeder.class.getName());
        log.addHandler(capture);
        try {
            Migrations.run(dataSource);
            seeder().seed(dataSource);
        } finally {
            log.removeHandler(capture);
        }

        assertEquals(PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(passwordFile), "600");
        assertEquals(
                PosixFilePermissions.fromString("rwx------"),
                Files.getPosixFilePermissions(passwordFile.getParent()),
                "the folder it made for the file is the owner's only");
        Properties users = new Properties();
        try (var in = Files.newBufferedReader(passwordFile)) {
            users.load(in);
        }
        assertEquals(Set.of("admin", "ada", "grace", "linus"), users.stringPropertyNames());
        assertEquals(hashOf("admin"), new PlainPasswords().hash(users.getProperty("admin")), "the admin's password");
        assertEquals(hashOf("ada"), new PlainPasswords().hash(users.getProperty("ada")), "a demo user's password");

        String logged = records.stream()
                .map(record -> new SimpleFormatter().formatMessage(record))
                .collect(Collectors.joining("\n"));
        assertTrue(logged.contains(passwordFile.toString()), "the log says where: " + logged);
        for (String user : users.stringPropertyNames()) {
            assertFalse(logged.contains(users.getProperty(user)), "the password of " + user + " is in the log");
        }
        try (var files = Files.list(passwordFile.getParent())) {
            assertEquals(List.of(passwordFile), files.toList(), "no temporary file is left beside it");
        }
    }

    private String hashOf(String username) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement select = c.prepareStatement("SELECT password_hash FROM users WHERE username = ?")) {
            select.setString(1, username);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getString(1);
            }
        }
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
