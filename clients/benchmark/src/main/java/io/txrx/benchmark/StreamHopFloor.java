package io.txrx.benchmark;

import java.io.PrintStream;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * What one Redis stream hop costs on this machine, with nothing of txrx in it: two threads, each on a connection
 * of its own, pass an entry back and forth over two streams (XADD, then a blocking XREAD that Redis wakes). A
 * txrx call makes three such hops (TX, the service stream, RX), so three times the one-hop figure is the floor
 * under a call's time inside the servers. Run it next to the servers it is compared with:
 * {@code java -cp txrx-benchmark.jar io.txrx.benchmark.StreamHopFloor --redis redis://127.0.0.1:6379}.
 */
public final class StreamHopFloor {
    static final String USAGE = "Usage: java -cp txrx-benchmark.jar io.txrx.benchmark.StreamHopFloor [options]\n"
            + "  --redis URL          the Redis to measure (default redis://127.0.0.1:6379)\n"
            + "  --round-trips N      measured round trips (two hops each), 1..1000000 (default 20000);\n"
            + "                       as many again before them are a warm-up\n";
    private static final int BLOCK_MS = 1000;
    private static final long ECHO_WAIT_SECONDS = 10;

    private final URI redis;
    private final int roundTrips;

    StreamHopFloor(URI redis, int roundTrips) {
        this.redis = redis;
        this.roundTrips = roundTrips;
    }

    public static void main(String[] args) throws Exception {
        if (BenchmarkOptions.asksForHelp(args)) {
            System.out.print(USAGE);
            return;
        }
        StreamHopFloor floor;
        try {
            floor = parse(args);
        } catch (UsageException e) {
            System.err.println("stream-hop-floor: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(EchoBenchmark.EXIT_USAGE);
            return;
        }
        floor.measure().print(System.out);
    }

    static StreamHopFloor parse(String... args) throws UsageException {
        URI redis = URI.create("redis://127.0.0.1:6379");
        int roundTrips = 20_000;
        for (Map.Entry<String, String> option : BenchmarkOptions.namesAndValues(args)) {
            switch (option.getKey()) {
                case "--redis" -> redis = URI.create(option.getValue());
                case "--round-trips" -> roundTrips =
                        (int) BenchmarkOptions.number(option.getKey(), option.getValue(), 1, 1_000_000);
                default -> throw new UsageException("unknown option " + option.getKey());
            }
        }
        return new StreamHopFloor(redis, roundTrips);
    }

    /** The measured round trips; the streams it used are deleted again. */
    Result measure() throws InterruptedException, ExecutionException, TimeoutException {
        String prefix = "txrx-hop-floor:" + Long.toHexString(System.nanoTime()) + ":";
        String ping = prefix + "ping";
        String pong = prefix + "pong";
        int total = 2 * roundTrips;
        CompletableFuture<Void> echo = CompletableFuture.runAsync(() -> {
            try (Jedis jedis = new Jedis(redis)) {
                StreamEntryID last = new StreamEntryID(0, 0);
                for (int i = 0; i < total; i++) {
                    last = readOne(jedis, ping, last).getID();
                    jedis.xadd(pong, XAddParams.xAddParams(), Map.of("n", Integer.toString(i)));
                }
            }
        });
        LatencyHistogram measured = new LatencyHistogram();
        try (Jedis jedis = new Jedis(redis)) {
            try {
                StreamEntryID last = new StreamEntryID(0, 0);
                for (int i = 0; i < total; i++) {
                    long start = System.nanoTime();
                    jedis.xadd(ping, XAddParams.xAddParams(), Map.of("n", Integer.toString(i)));
                    last = readOne(jedis, pong, last).getID();
                    if (i >= roundTrips) {
                        measured.record(System.nanoTime() - start);
                    }
                }
                echo.get(ECHO_WAIT_SECONDS, TimeUnit.SECONDS);
            } finally {
                jedis.del(ping, pong);
            }
        }
        return new Result(measured);
    }

    private static StreamEntry readOne(Jedis jedis, String stream, StreamEntryID after) {
        var read = jedis.xread(XReadParams.xReadParams().count(1).block(BLOCK_MS), Map.of(stream, after));
        if (read == null || read.isEmpty()) {
            throw new IllegalStateException("no entry on " + stream + " within " + BLOCK_MS + " ms");
        }
        List<StreamEntry> entries = read.get(0).getValue();
        return entries.get(0);
    }

    /** Round trips of two hops each, in nanoseconds. */
    record Result(LatencyHistogram roundTrips) {
        void print(PrintStream out) {
            out.printf(
                    "stream round trips %d (two hops each): p50 %.3f  p90 %.3f  p99 %.3f ms  (mean %.3f)%n",
                    roundTrips.count(),
                    millis(roundTrips.percentile(50)),
                    millis(roundTrips.percentile(90)),
                    millis(roundTrips.percentile(99)),
                    roundTrips.mean() / 1e6);
            out.printf(
                    "one hop (XADD to a blocked XREAD): p50 %.3f ms; a txrx call's three hops: %.3f ms%n",
                    oneHopMillis(), 3 * oneHopMillis());
        }

        double oneHopMillis() {
            return millis(roundTrips.percentile(50)) / 2;
        }

        private static double millis(long nanos) {
            return nanos / 1e6;
        }
    }
}
