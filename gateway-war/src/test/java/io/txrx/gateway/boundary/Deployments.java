package io.txrx.gateway.boundary;

import io.txrx.testing.TestConfig;
import java.io.File;
import java.net.URL;
import java.util.List;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.JavaArchive;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

/** The gateway alone, as a test deploys it: its classes, the contract, Jedis, and the test's configuration. */
public final class Deployments {

    private Deployments() {}

    public static WebArchive gateway(TestConfig config) {
        return ShrinkWrap.create(WebArchive.class, "gateway.war")
                .addPackages(
                        true,
                        "io.txrx.gateway.boundary",
                        "io.txrx.gateway.control",
                        "io.txrx.gateway.channel",
                        "io.txrx.gateway.presence",
                        "io.txrx.presence",
                        "io.txrx.jsonrpc",
                        "io.txrx.stream",
                        "io.txrx.rates",
                        "io.txrx.metrics",
                        "io.txrx.tracing",
                        "io.txrx.keys",
                        "io.txrx.process",
                        "io.txrx.peer",
                        "io.txrx.identity",
                        "io.txrx.channel")
                .deleteClass(Deployments.class)
                .addAsLibraries(thirdPartyLibraries())
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/beans.xml"), "beans.xml")
                .addAsWebInfResource(new File("src/main/webapp/WEB-INF/web.xml"), "web.xml")
                .addAsResource(new StringAsset(config.asProperties()), "META-INF/microprofile-config.properties")
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

    static File[] thirdPartyLibraries() {
        return Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve("redis.clients:jedis", "org.slf4j:slf4j-jdk14")
                .withTransitivity()
                .asFile();
    }
}
