package io.txrx.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/** One run of the run command: services, processes, readiness, then watching until stopped. */
final class Launch implements AutoCloseable {

    static final String PSK_VARIABLE = "TXRX_P2P_PSK";
    static final String ROLES_VARIABLE = "TXRX_ROLES";
    static final String SEED_PASSWORDS_VARIABLE = "TXRX_SEED_PASSWORD_FILE";

    private final LaunchOptions options;
    private final Console console;
    private final LogSummary summary;
    private final List<MicroProcess> processes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean stopping = new AtomicBoolean();
    private RedisService redis;
    private PostgresService postgres;

    Launch(LaunchOptions options, Console console) {
        this.options = options;
        this.console = console;
        this.summary = new LogSummary(console);
    }

    /** Starts everything, waits until ready, then until a process ends; returns the exit code. */
    int run() throws IOException, InterruptedException {
        Distribution dist = new Distribution(options.home()).verified();
        Path runDir = options.runDir();
        Files.createDirectories(runDir);
        Map<String, String> given = new HashMap<>(System.getenv());
        given.putAll(options.env());
        Map<String, String> env = services(given, runDir);
        env.put(PSK_VARIABLE, presharedKey(given, runDir));
        env.put(SEED_PASSWORDS_VARIABLE, seedPasswords(given, runDir));
        env.putAll(options.env());

        MicroRuntime runtime = new MicroRuntime(dist.microJar(), runDir, options.jvmOptions(), options.configDir());
        for (Topology.Node node : Topology.of(options)) {
            Map<String, String> processEnv = new HashMap<>(env);
            processEnv.put(ROLES_VARIABLE, node.role().value());
            MicroProcess process = MicroProcess.start(
                    runtime,
                    node.name(),
                    node.port(),
                    processEnv,
                    node.role().deployables(dist).toArray(Path[]::new));
            processes.add(process);
            if (stopping.get()) {
                process.stop();
                return 1;
            }
            summary.follow(node.name(), process.log().file());
            console.say("started " + process + ", roles=" + node.role().value() + ", log "
                    + process.log().file());
        }
        if (!awaitReady()) {
            return 1;
        }
        MicroProcess ended = (MicroProcess) CompletableFuture.anyOf(
                        processes.stream().map(MicroProcess::onExit).toArray(CompletableFuture[]::new))
                .join();
        if (stopping.get()) {
            return 0;
        }
        console.say(ended.name() + " ended unexpectedly" + ended.describeTail());
        return 1;
    }

    /** Stops the processes (SIGTERM, then SIGKILL after a bound), then the embedded services. Idempotent. */
    @Override
    public void close() {
        if (!stopping.compareAndSet(false, true)) {
            return;
        }
        if (!processes.isEmpty()) {
            console.say("stopping " + processes.size() + " process(es)");
        }
        processes.forEach(MicroProcess::terminate);
        for (MicroProcess process : processes) {
            try {
                process.stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        summary.close();
        closeService(postgres, "PostgreSQL");
        closeService(redis, "Redis");
        try {
            Files.deleteIfExists(options.runDir().resolve(Status.URL_FILE));
        } catch (IOException e) {
            console.say("could not delete " + Status.URL_FILE + ": " + e.getMessage());
        }
    }

    private Map<String, String> services(Map<String, String> given, Path runDir) throws IOException {
        redis = RedisService.resolve(given, runDir.resolve("redis"));
        String clusterNodes = RedisService.clusterNodes(given);
        console.say(
                redis.embedded()
                        ? "Redis: started an embedded Redis at " + redis.url() + " (set TXRX_REDIS_URL to use yours)"
                        : clusterNodes != null
                                ? "Redis Cluster: " + clusterNodes + " (" + RedisService.CLUSTER_VARIABLE + ")"
                                : "Redis: " + withoutPassword(redis.url()) + " (TXRX_REDIS_URL)");
        postgres = PostgresService.resolve(given, runDir.resolve("postgres"));
        console.say(
                postgres.embedded()
                        ? "PostgreSQL: started an embedded PostgreSQL at " + postgres.url()
                                + " (set TXRX_DB_URL to use yours)"
                        : "PostgreSQL: " + withoutPassword(postgres.url()) + " (TXRX_DB_URL)");
        Map<String, String> env = new HashMap<>(postgres.environment());
        env.put(RedisService.URL_VARIABLE, redis.url());
        if (redis.embedded()) {
            // for txrx status, which runs in another shell: the embedded Redis has a port of its own
            Path file = runDir.resolve(Status.URL_FILE);
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, redis.url());
        }
        return env;
    }

    /**
     * The P2P key: the given one, else a random one for this run. A run of a single role writes a generated
     * key to a file readable only by its owner, so the user can give it to the processes started elsewhere.
     */
    private String presharedKey(Map<String, String> given, Path runDir) throws IOException {
        String psk = given.get(PSK_VARIABLE);
        if (psk != null && !psk.isBlank()) {
            console.say("P2P key: from TXRX_P2P_PSK");
            return psk;
        }
        psk = Secrets.randomHex(32);
        if (Topology.of(options).size() > 1 || options.command().equals("all")) {
            console.say("P2P key: generated for this run (set TXRX_P2P_PSK to choose one)");
            return psk;
        }
        Path file = runDir.resolve("p2p.psk");
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, psk);
        console.say("P2P key: generated; other processes need the same TXRX_P2P_PSK, it is in " + file);
        return psk;
    }

    /**
     * Where the rpc processes write the passwords they generate for seeded users: the given file, else
     * {@code seed-passwords} in the run folder, beside the logs (the rpc process that creates the users
     * names the file in its log, which the console relays).
     */
    private String seedPasswords(Map<String, String> given, Path runDir) {
        String file = given.get(SEED_PASSWORDS_VARIABLE);
        if (file != null && !file.isBlank()) {
            return file;
        }
        return runDir.resolve("seed-passwords").toString();
    }

    private boolean awaitReady() throws InterruptedException {
        Instant deadline = Instant.now().plus(options.timeout());
        MicroProcess gateway = processes.stream()
                .filter(process -> Topology.of(options).stream()
                        .anyMatch(node -> node.name().equals(process.name())
                                && node.role().servesGateway()))
                .findFirst()
                .orElse(null);
        try {
            if (gateway != null) {
                console.say("waiting for system.ping over " + gateway.gatewayUri());
                PingProbe.awaitPong(gateway.gatewayUri(), options.timeout(), this::failure);
            } else {
                for (MicroProcess process : processes) {
                    process.awaitReady(Duration.between(Instant.now(), deadline));
                }
            }
        } catch (TimeoutException | IllegalStateException e) {
            summary.flush();
            console.say("not ready: " + e.getMessage());
            processes.forEach(process -> console.block(process.describeTail()));
            return false;
        }
        summary.flush();
        if (gateway != null) {
            console.say("page: http://" + MicroRuntime.BIND_ADDRESS + ":" + gateway.port() + "/");
            console.say("WebSocket: " + gateway.gatewayUri());
        }
        console.say("ready (Ctrl-C stops everything)");
        return true;
    }

    /** Why waiting is pointless: a process that ended or failed to deploy; {@code null} while all is well. */
    private String failure() {
        for (MicroProcess process : processes) {
            if (!process.isAlive()) {
                return process.name() + " ended";
            }
            var failure = process.log().deploymentFailure();
            if (failure.isPresent()) {
                return process.name() + ": deployment failed: " + failure.get();
            }
        }
        return null;
    }

    private void closeService(AutoCloseable service, String name) {
        if (service == null) {
            return;
        }
        try {
            service.close();
        } catch (Exception e) {
            console.say("cannot stop " + name + ": " + e);
        }
    }

    /** A URL fit for the console: the password of {@code user:password@} or {@code password=} masked. */
    static String withoutPassword(String url) {
        return url.replaceAll("//([^:@/]*):[^@/]*@", "//$1:***@").replaceAll("(?i)(password=)[^&;]*", "$1***");
    }
}
