package io.txrx.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void rolesRunsThreeProcessesOnConsecutivePorts() {
        LaunchOptions options = LaunchOptions.parse("roles");

        assertEquals(
                List.of(
                        new Topology.Node(Role.GATEWAY, "gateway", 8080),
                        new Topology.Node(Role.DISPATCHER, "dispatcher", 8081),
                        new Topology.Node(Role.RPC, "rpc", 8082)),
                Topology.of(options));
    }

    @Test
    void portsEnvironmentAndTimeoutAreTaken() {
        LaunchOptions options = LaunchOptions.parse(
                "roles",
                "--port=9000",
                "--rpc-port",
                "9100",
                "-e",
                "TXRX_PREFIX=dev:",
                "--env=A=b=c",
                "--timeout",
                "5",
                "--java-opt",
                "-Xmx1g");

        assertEquals(
                List.of(
                        new Topology.Node(Role.GATEWAY, "gateway", 9000),
                        new Topology.Node(Role.DISPATCHER, "dispatcher", 9001),
                        new Topology.Node(Role.RPC, "rpc", 9100)),
                Topology.of(options));
        assertEquals(Map.of("TXRX_PREFIX", "dev:", "A", "b=c"), options.env());
        assertEquals(Duration.ofSeconds(5), options.timeout());
        assertEquals(List.of("-Xmx1g"), options.jvmOptions());
    }

    @Test
    void allIsOneProcessWithEveryRole() {
        assertEquals(List.of(new Topology.Node(Role.ALL, "all", 8080)), Topology.of(LaunchOptions.parse("all")));
    }

    @Test
    void noCommandMeansHelp() {
        assertTrue(LaunchOptions.parse().help());
        assertTrue(LaunchOptions.parse("all", "--help").help());
    }

    @Test
    void mistakesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("everything"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("all", "--port"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("all", "--port", "70000"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("all", "-e", "NOVALUE"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("all", "rpc"));
        assertThrows(IllegalArgumentException.class, () -> LaunchOptions.parse("all", "--colour"));
    }
}
