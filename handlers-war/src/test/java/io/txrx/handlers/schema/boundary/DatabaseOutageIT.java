package io.txrx.handlers.schema.boundary;

import static io.txrx.testing.RpcCaller.errorCode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.handlers.system.boundary.Deployments;
import io.txrx.testing.RpcCaller;
import io.txrx.testing.TestConfig;
import io.txrx.testing.WsClient;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * PostgreSQL stops while the system runs: database calls answer a short -32603, the rest keeps serving,
 * and once PostgreSQL is back the same calls succeed again, without a restart. The test runs a PostgreSQL
 * of its own, so it can stop and start it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DatabaseOutageIT {
    private static Path dataDirectory;
    private static int port;
    private static EmbeddedPostgres postgres;

    @ArquillianResource
    URL base;

    @Deployment
    static WebArchive deployment() throws IOException {
        dataDirectory = Files.createTempDirectory("txrx-outage-pg");
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        startPostgres();
        return Deployments.allRolesOnDatabase(TestConfig.forTest()
                .with("txrx.db.url", "jdbc:postgresql://127.0.0.1:" + port + "/postgres")
                .with("txrx.db.user", "postgres")
                .with("txrx.db.password", "unused")
                .with("txrx.auth.pbkdf2-iterations", "1024"));
    }

    private static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void databaseCallsFailShortWhileItIsDownAndWorkAgainWhenItIsBack() throws Exception {
        try (WsClient client = WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"))) {
            RpcCaller rpc = new RpcCaller(client);
            String login = "{\"login\":\"outage\",\"password\":\"correct horse\"}";
            rpc.call(
                    "auth.register",
                    "{\"email\":\"outage@example.org\",\"username\":\"outage\","
                            + "\"displayName\":\"Outage\",\"password\":\"correct horse\"}");
            assertEquals(0, errorCode(rpc.call("auth.login", login)));

            postgres.close();
            JsonObject failed = rpc.call("auth.login", login);
            assertEquals(-32603, errorCode(failed), failed.toString());
            String message = failed.getJsonObject("error").getString("message");
            assertTrue(message.length() < 100 && !message.contains("Exception"), message);
            assertEquals("pong", rpc.call("system.ping", null).getString("result"), "the rpc loops live on");

            startPostgres();
            long deadline = System.nanoTime() + 60_000_000_000L;
            JsonObject again;
            do {
                again = rpc.call("auth.login", login);
            } while (errorCode(again) != 0 && System.nanoTime() < deadline && pause());
            assertEquals(0, errorCode(again), again.toString());
            assertFalse(again.getJsonObject("result").getString("token").isEmpty());
        }
    }

    private static boolean pause() throws InterruptedException {
        Thread.sleep(500);
        return true;
    }
}
