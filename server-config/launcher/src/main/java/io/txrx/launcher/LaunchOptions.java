package io.txrx.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The parsed command line of the run command. */
public record LaunchOptions(
        String command,
        int port,
        Map<Role, Integer> rolePorts,
        Map<String, String> env,
        Path runDir,
        Path home,
        Path configDir,
        Duration timeout,
        List<String> jvmOptions) {

    public static final List<String> COMMANDS =
            List.of("all", "roles", "gateway", "dispatcher", "rpc", "status", "help");
    public static final int DEFAULT_PORT = 8080;
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);

    public static final String USAGE =
            """
            usage: txrx <command> [options]

            commands:
              all          one Payara Micro process with every role and the page (default port 8080)
              roles        three processes: gateway and page (8080), dispatcher (8081), rpc (8082)
              gateway      one gateway process (with the page)  } for a topology of your own: point them
              dispatcher   one dispatcher process               } at one TXRX_REDIS_URL and give them
              rpc          one rpc process (the handlers)       } one TXRX_P2P_PSK
              status       the cluster, streams and rates of a running txrx, from its Redis
                           (TXRX_REDIS_URL or TXRX_REDIS_CLUSTER_NODES, else the embedded Redis
                           of the run in --run-dir)
              help         this text

            options:
              --port N             HTTP port of the first process (roles: N, N+1, N+2)     [8080]
              --gateway-port N, --dispatcher-port N, --rpc-port N   one role's port in 'roles'
              -e, --env KEY=VALUE  environment for every process, e.g. -e TXRX_PREFIX=dev:  (repeatable)
              --run-dir DIR        logs (<process>.log) and work folders            [<launcher>/target/run]
              --home DIR           payara-micro.jar and the deployables             [<launcher>/target/txrx]
              --config-dir DIR     <process>.properties there become Micro system properties
              --timeout SECONDS    how long to wait for readiness                   [300]
              --java-opt OPTION    JVM option for every process, e.g. --java-opt -Xmx1g  (repeatable)

            Redis: TXRX_REDIS_URL, or a Redis Cluster's seed nodes in TXRX_REDIS_CLUSTER_NODES (host:port,...),
            else an embedded Redis. PostgreSQL: TXRX_DB_URL, TXRX_DB_USER,
            TXRX_DB_PASSWORD, else an embedded PostgreSQL. P2P key: TXRX_P2P_PSK, else a random one per run.
            Every other TXRX_* variable of this shell reaches the processes as it is.
            """;

    public static LaunchOptions parse(String... args) {
        Parser parser = new Parser(args);
        return parser.parse();
    }

    public boolean help() {
        return command.equals("help");
    }

    /** The port of the process playing {@code role} when it is the {@code index}-th process of the topology. */
    public int portOf(Role role, int index) {
        return rolePorts.getOrDefault(role, port + index);
    }

    private static final class Parser {
        private final String[] args;
        private int next;
        private String command;
        private int port = DEFAULT_PORT;
        private final Map<Role, Integer> rolePorts = new EnumMap<>(Role.class);
        private final Map<String, String> env = new LinkedHashMap<>();
        private Path runDir;
        private Path home;
        private Path configDir;
        private Duration timeout = DEFAULT_TIMEOUT;
        private final List<String> jvmOptions = new ArrayList<>();

        Parser(String[] args) {
            this.args = args;
        }

        LaunchOptions parse() {
            while (next < args.length) {
                String arg = args[next++];
                if (!arg.startsWith("-")) {
                    command(arg);
                    continue;
                }
                String name = arg.contains("=") && arg.startsWith("--") ? arg.substring(0, arg.indexOf('=')) : arg;
                String inline = name.equals(arg) ? null : arg.substring(arg.indexOf('=') + 1);
                option(name, inline);
            }
            Path target = Distribution.launcherTarget();
            return new LaunchOptions(
                    command == null ? "help" : command,
                    port,
                    rolePorts,
                    env,
                    runDir == null ? target.resolve("run") : runDir,
                    home == null ? Distribution.locate().home() : home,
                    configDir,
                    timeout,
                    jvmOptions);
        }

        private void command(String arg) {
            if (command != null) {
                throw new IllegalArgumentException("one command only, got " + command + " and " + arg);
            }
            if (!COMMANDS.contains(arg)) {
                throw new IllegalArgumentException("unknown command: " + arg);
            }
            command = arg;
        }

        private void option(String name, String inline) {
            switch (name) {
                case "-h", "--help" -> command = "help";
                case "--port" -> port = portValue(value(name, inline));
                case "--gateway-port" -> rolePorts.put(Role.GATEWAY, portValue(value(name, inline)));
                case "--dispatcher-port" -> rolePorts.put(Role.DISPATCHER, portValue(value(name, inline)));
                case "--rpc-port" -> rolePorts.put(Role.RPC, portValue(value(name, inline)));
                case "-e", "--env" -> environment(value(name, inline));
                case "--run-dir" -> runDir = Path.of(value(name, inline)).toAbsolutePath();
                case "--home" -> home = Path.of(value(name, inline)).toAbsolutePath();
                case "--config-dir" -> configDir = Path.of(value(name, inline)).toAbsolutePath();
                case "--timeout" -> timeout = Duration.ofSeconds(Long.parseLong(value(name, inline)));
                case "--java-opt" -> jvmOptions.add(value(name, inline));
                default -> throw new IllegalArgumentException("unknown option: " + name);
            }
        }

        private String value(String name, String inline) {
            if (inline != null) {
                return inline;
            }
            if (next >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[next++];
        }

        private void environment(String pair) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalArgumentException("--env needs KEY=VALUE, got " + pair);
            }
            env.put(pair.substring(0, equals), pair.substring(equals + 1));
        }

        private static int portValue(String value) {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + value);
            }
            return port;
        }
    }
}
