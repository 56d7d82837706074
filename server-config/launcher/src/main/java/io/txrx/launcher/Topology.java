package io.txrx.launcher;

import java.util.List;

/** Which processes a command starts: their role, name (and log name) and HTTP port. */
public final class Topology {

    /** One Payara Micro process to start. */
    public record Node(Role role, String name, int port) {}

    private Topology() {}

    public static List<Node> of(LaunchOptions options) {
        return switch (options.command()) {
            case "all" -> List.of(node(options, Role.ALL, 0));
            case "roles" -> List.of(
                    node(options, Role.GATEWAY, 0), node(options, Role.DISPATCHER, 1), node(options, Role.RPC, 2));
            default -> List.of(node(options, Role.of(options.command()), 0));
        };
    }

    private static Node node(LaunchOptions options, Role role, int index) {
        return new Node(role, role.value(), options.portOf(role, index));
    }
}
