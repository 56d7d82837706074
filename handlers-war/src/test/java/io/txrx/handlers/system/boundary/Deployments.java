package io.txrx.handlers.system.boundary;

import io.txrx.testing.TestConfig;
import java.io.File;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/**
 * Every role in one web archive, so a test drives the whole path of a call inside one Payara Micro: with
 * the system handlers only, or with every handler and the database.
 */
public final class Deployments {

    /** Where the seeder writes generated passwords. */
    public static final String PASSWORD_FILE = "txrx.seed.password-file";

    private Deployments() {}

    /** Every role and every handler, with the schema, on a database of the test's own. */
    public static WebArchive allRolesWithDatabase(TestConfig config) {
        return allRolesOnDatabase(config.withDatabase());
    }

    /**
     * Every role and every handler, with the schema, on the database {@code config} names; generated seed
     * passwords go to a file under {@code target/} unless the test names one.
     */
    public static WebArchive allRolesOnDatabase(TestConfig config) {
        if (config.get(PASSWORD_FILE) == null) {
            config.with(
                    PASSWORD_FILE,
                    Path.of("target", "seed-passwords-" + UUID.randomUUID())
                            .toAbsolutePath()
                            .toString());
        }
        return allRoles(config)
                .addPackages(true, "io.txrx.handlers")
                .addAsLibraries(Maven.resolver()
                        .loadPomFromFile("pom.xml")
                        .resolve(
                                "org.flywaydb:flyway-core",
                                "org.flywaydb:flyway-database-postgresql",
                                "org.postgresql:postgresql")
                        .withTransitivity()
                        .asFile())
                .addAsResource("META-INF/persistence.xml")
                .addAsResource("db/migration/V1__users_and_sessions.sql")
                .addAsResource("db/migration/V2__profiles.sql")
                .addAsResource("db/migration/V3__chat.sql")
                .addAsResource("db/migration/V4__notifications.sql");
    }

    static WebArchive allRoles(TestConfig config) {
        return ShrinkWrap.create(WebArchive.class, "txrx.war")
                .addPackages(
                        true,
                        "io.txrx.gateway.boundary",
                        "io.txrx.gateway.control",
                        "io.txrx.gateway.channel",
                        "io.txrx.gateway.notification",
                        "io.txrx.gateway.presence",
                        "io.txrx.gateway.health",
                        "io.txrx.presence",
                        "io.txrx.channel",
                        "io.txrx.dispatcher.boundary",
                        "io.txrx.dispatcher.control",
                        "io.txrx.dispatcher.health",
                        "io.txrx.p2p.boundary",
                        "io.txrx.p2p.control",
                        "io.txrx.rpc.boundary",
                        "io.txrx.rpc.control",
                        "io.txrx.jsonrpc",
                        "io.txrx.stream",
                        "io.txrx.rates",
                        "io.txrx.inspect",
                        "io.txrx.metrics",
                        "io.txrx.tracing",
                        "io.txrx.keys",
                        "io.txrx.process",
                        "io.txrx.peer",
                        "io.txrx.identity")
                .addPackages(false, "io.txrx.handlers")
                .addClasses(SystemHandlers.class, SystemHandlers.MethodRoute.class)
                .addAsLibraries(Maven.resolver()
                        .loadPomFromFile("pom.xml")
                        .resolve("redis.clients:jedis", "org.slf4j:slf4j-jdk14")
                        .withTransitivity()
                        .asFile())
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/beans.xml"), "beans.xml")
                .addAsResource(
                        new StringAsset(config.with("txrx.roles", "all").asProperties()),
                        "META-INF/microprofile-config.properties")
                .addAsLibraries(moduleDefaults());
    }

    /** The modules' defaults, each file in a jar of its own, as the contract's is in the real archives. */
    static JavaArchive[] moduleDefaults() {
        List<URL> files = TestConfig.moduleDefaults();
        JavaArchive[] jars = new JavaArchive[files.size()];
        for (int i = 0; i < jars.length; i++) {
            jars[i] = ShrinkWrap.create(JavaArchive.class, "defaults-" + i + ".jar")
                    .addAsManifestResource(files.get(i), "microprofile-config.properties");
        }
        return jars;
    }
}
