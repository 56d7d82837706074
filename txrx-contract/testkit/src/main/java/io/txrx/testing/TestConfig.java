package io.txrx.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * MicroProfile Config for a test deployment: the test Redis, a key prefix of its own so tests never see
 * each other's streams, a pre-shared key, and whatever the test overrides.
 */
public final class TestConfig {
    private final Map<String, String> properties = new LinkedHashMap<>();

    private TestConfig() {}

    public static TestConfig forTest() {
        TestConfig config = new TestConfig();
        config.properties.put("txrx.redis.url", TestRedis.url());
        config.properties.put(
                "txrx.prefix", "txrx-test-" + UUID.randomUUID().toString().substring(0, 8) + ":");
        config.properties.put("txrx.p2p.psk", "test-" + UUID.randomUUID());
        return config;
    }

    /** Adds a database of its own for this test (see {@link TestPostgres}). */
    public TestConfig withDatabase() {
        TestPostgres.Server database = TestPostgres.freshDatabase();
        return with("txrx.db.url", database.url())
                .with("txrx.db.user", database.user())
                .with("txrx.db.password", database.password());
    }

    public TestConfig with(String key, String value) {
        properties.put(key, value);
        return this;
    }

    public String get(String key) {
        return properties.get(key);
    }

    /**
     * Every module's {@code META-INF/microprofile-config.properties} on the test's class path: the defaults,
     * which a test deployment built from packages needs beside its own configuration, each in a library of
     * its own as in the real archives.
     */
    public static List<URL> moduleDefaults() {
        try {
            return Collections.list(
                    TestConfig.class.getClassLoader().getResources("META-INF/microprofile-config.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The properties file text, with the highest ordinal so it wins over the modules' defaults. */
    public String asProperties() {
        StringBuilder text = new StringBuilder("config_ordinal=500\n");
        properties.forEach(
                (key, value) -> text.append(key).append('=').append(value).append('\n'));
        return text.toString();
    }
}
