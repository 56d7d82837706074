package io.txrx.system;

import io.txrx.launcher.Distribution;
import io.txrx.launcher.FreePort;
import io.txrx.launcher.MicroProcess;
import io.txrx.launcher.MicroRuntime;
import io.txrx.launcher.PostgresService;
import io.txrx.launcher.RedisService;
import io.txrx.launcher.Role;
import io.txrx.launcher.Secrets;
import io.txrx.testing.TestRedis;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPooled;

/**
 * The system as separate Payara Micro processes, one per role and name, on the test kit's Redis (under a key prefix
 * of their own, deleted at the end) or a test's own and one PostgreSQL, sharing a fresh P2P key: what every system test starts.
 */
final class SystemUnderTest implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SystemUnderTest.class.getName());

    private final String prefix = "txrx-it-" + Secrets.randomHex(4) + ":";
    private final String psk = Secrets.randomHex(32);
    private final Map<String, String> environment;
    private final String redisUrl;
    private JedisPooled redis;
    private final Distribution dist;
    private final PostgresService postgres;
    private final MicroRuntime runtime;
    private final List<MicroProcess> processes = new ArrayList<>();
    private final Path seedPasswords;

    /**
     * @param runDir where the processes' logs, the embedded Redis and PostgreSQL (when none is given) and the
     *     generated seed passwords live
     * @param environment settings every process gets (as {@code TXRX_...} variables)
     */
    SystemUnderTest(Path runDir, Map<String, String> environment) throws Exception {
        this(runDir, environment, null);
    }

    /** As above, on the Redis at {@code redisUrl} (a test's own) instead of the test kit's. */
    SystemUnderTest(Path runDir, Map<String, String> environment, String redisUrl) throws Exception {
        Files.createDirectories(runDir);
        this.redisUrl = redisUrl;
        this.environment = Map.copyOf(environment);
        dist = Distribution.locate().verified();
        postgres = PostgresService.resolve(System.getenv(), runDir.resolve("postgres"));
        runtime = new MicroRuntime(dist.microJar(), runDir, List.of("-Xmx512m"), null);
        seedPasswords = runDir.resolve("seed-passwords");
    }

    /** Starts one process of {@code role} on a free port; wait for it with {@link MicroProcess#awaitReady}. */
    MicroProcess start(Role role, String name) throws Exception {
        Map<String, String> env = new HashMap<>(postgres.environment());
        env.put("TXRX_SEED_PASSWORD_FILE", seedPasswords.toString());
        env.putAll(environment);
        env.put("TXRX_ROLES", role.value());
        env.put(RedisService.URL_VARIABLE, redisUrl == null ? TestRedis.url() : redisUrl);
        env.put("TXRX_P2P_PSK", psk);
        env.put("TXRX_PREFIX", prefix);
        MicroProcess process = MicroProcess.start(
                runtime, name, FreePort.find(), env, role.deployables(dist).toArray(Path[]::new));
        processes.add(process);
        return process;
    }

    void awaitReady(Duration timeout) throws Exception {
        for (MicroProcess process : processes) {
            process.awaitReady(timeout);
        }
    }

    /** The key prefix of this system's streams, e.g. {@code txrx-it-1a2b:}. */
    String prefix() {
        return prefix;
    }

    /** The {@code TXRX_DB_*} variables of the system's PostgreSQL (URL, user, password). */
    Map<String, String> database() {
        return postgres.environment();
    }

    synchronized JedisPooled redis() {
        if (redisUrl == null) {
            return TestRedis.jedis();
        }
        if (redis == null) {
            redis = new JedisPooled(URI.create(redisUrl));
        }
        return redis;
    }

    /** Stops every process (all asked first, then each waited for), deletes the keys, stops Redis and PostgreSQL. */
    @Override
    public void close() throws Exception {
        processes.forEach(MicroProcess::terminate);
        for (MicroProcess process : processes) {
            process.stop();
        }
        if (redisUrl == null) {
            int deleted = TestRedis.deleteKeys(prefix);
            LOG.info(() -> "deleted " + deleted + " keys under " + prefix);
        } else if (redis != null) {
            redis.close(); // a test's own Redis: the test stops it
        }
        postgres.close();
    }
}
