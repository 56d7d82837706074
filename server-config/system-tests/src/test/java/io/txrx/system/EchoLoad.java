package io.txrx.system;

import io.txrx.client.GatewaySocket;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Paced {@code system.echo} calls from several sockets, each call recorded with the result it must get
 * back, when it was sent and when it was answered; {@link #stop} ends the sending, {@link #figures} waits
 * for the replies and counts them.
 */
final class EchoLoad {

    /** One call sent: its expected result, when it was sent, its reply and when that came (epoch ms). */
    static final class Call {
        final JsonObject params;
        final long sentAtMs;
        final CompletableFuture<JsonObject> reply;
        volatile long repliedAtMs;

        Call(JsonObject params, long sentAtMs, CompletableFuture<JsonObject> reply) {
            this.params = params;
            this.sentAtMs = sentAtMs;
            this.reply = reply.whenComplete((message, failure) -> repliedAtMs = System.currentTimeMillis());
        }

        boolean done() {
            return reply.isDone();
        }

        /** The reply carries the echo of this call's own params. */
        boolean real() {
            JsonObject message = reply.getNow(null);
            return message != null && params.equals(message.get("result"));
        }

        /** The error code of the reply, if it is an error. */
        Integer errorCode() {
            JsonObject message = reply.isCompletedExceptionally() ? null : reply.getNow(null);
            return message == null || !message.containsKey("error")
                    ? null
                    : message.getJsonObject("error").getInt("code");
        }

        long latencyMs() {
            return repliedAtMs - sentAtMs;
        }
    }

    /** What came of a phase's calls. */
    record Figures(
            String phase,
            int sent,
            int real,
            int lost,
            int duplicated,
            int extraOnBus,
            Map<Integer, Integer> errors,
            int failed,
            long slowestMs,
            long recoveryMs) {

        String line() {
            return String.format(
                    "CHAOS %s: sent=%d answered=%d (real results %d, errors %s) lost=%d duplicated=%d"
                            + " extra-replies-on-bus=%d socket-failures=%d slowest-reply-ms=%d recovery-ms=%s",
                    phase,
                    sent,
                    sent - lost - failed,
                    real,
                    errors,
                    lost,
                    duplicated,
                    extraOnBus,
                    failed,
                    slowestMs,
                    recoveryMs < 0 ? "n/a" : Long.toString(recoveryMs));
        }
    }

    private final String phase;
    private final List<GatewaySocket> sockets;
    private final ConcurrentLinkedQueue<Call> calls = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pacer;
    private final int straysBefore;
    private final AtomicLong numbers = new AtomicLong();

    /** Starts sending one call per socket every {@code every}. */
    EchoLoad(String phase, List<GatewaySocket> sockets, Duration every) {
        this.phase = phase;
        this.sockets = List.copyOf(sockets);
        this.straysBefore = strays();
        this.pacer = Executors.newScheduledThreadPool(sockets.size());
        for (int s = 0; s < sockets.size(); s++) {
            int socket = s;
            pacer.scheduleAtFixedRate(() -> send(socket), 0, every.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void send(int socket) {
        JsonObject params = Json.createObjectBuilder()
                .add("text", phase + "-" + socket + "-" + numbers.incrementAndGet())
                .build();
        long now = System.currentTimeMillis();
        calls.add(new Call(params, now, sockets.get(socket).call("system.echo", params)));
    }

    /** Sends {@code count} calls at once, spread over the sockets, besides the paced ones. */
    void burst(int count) {
        for (int i = 0; i < count; i++) {
            send(i % sockets.size());
        }
    }

    int sent() {
        return calls.size();
    }

    /** The calls sent so far that match {@code filter}. */
    List<Call> calls(Predicate<Call> filter) {
        return calls.stream().filter(filter).toList();
    }

    /** Waits (bounded) until {@code count} more calls have been answered with their real result. */
    void awaitAnswered(int count, Duration timeout) throws Exception {
        awaitAnswered(count, timeout, Call::real);
    }

    /**
     * Waits (bounded) until {@code count} calls sent at or after {@code sinceMs} have their real result: after
     * a restart, so that calls held from before it cannot stand in for the ones that prove the recovery.
     */
    void awaitAnsweredSentSince(long sinceMs, int count, Duration timeout) throws Exception {
        awaitAnswered(count, timeout, call -> call.sentAtMs >= sinceMs && call.real());
    }

    private void awaitAnswered(int count, Duration timeout, Predicate<Call> answered) throws Exception {
        long before = calls(answered).size();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (calls(answered).size() < before + count) {
            if (System.nanoTime() > deadline) {
                throw new TimeoutException(phase + ": fewer than " + count + " calls answered within "
                        + timeout.toSeconds() + " s; so far " + outcomes());
            }
            Thread.sleep(50);
        }
    }

    /** What the calls got so far, for a failure message: results, errors by code, still waiting. */
    private String outcomes() {
        List<Call> all = List.copyOf(calls);
        return all.size() + " sent, " + all.stream().filter(Call::real).count() + " real results, errors "
                + errorCounts(all) + ", " + all.stream().filter(c -> !c.done()).count() + " waiting";
    }

    /** Ends the sending: no call is sent after this returns. */
    void stop() throws InterruptedException {
        pacer.shutdownNow();
        if (!pacer.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException(phase + ": the load did not stop");
        }
    }

    /**
     * Waits up to {@code timeout} for every reply, then counts: {@code duplicated} are the second replies a
     * socket got, {@code extraOnBus} the extra replies written to RX for one call (a call run twice, which the
     * gateway hides), {@code recoveryMs} as the caller measured it.
     */
    Figures figures(Duration timeout, int extraOnBus, long recoveryMs) throws InterruptedException {
        List<Call> all = List.copyOf(calls);
        try {
            CompletableFuture.allOf(all.stream().map(c -> c.reply).toArray(CompletableFuture[]::new))
                    .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // counted below: calls still waiting are lost, failed ones are socket failures
        }
        Map<Integer, Integer> errors = errorCounts(all);
        int strays = strays() - straysBefore;
        return new Figures(
                phase,
                all.size(),
                (int) all.stream().filter(Call::real).count(),
                (int) all.stream().filter(c -> !c.done()).count(),
                strays,
                extraOnBus,
                errors,
                (int) all.stream()
                        .filter(c -> c.reply.isCompletedExceptionally())
                        .count(),
                all.stream().filter(Call::done).mapToLong(Call::latencyMs).max().orElse(0),
                recoveryMs);
    }

    private static Map<Integer, Integer> errorCounts(List<Call> calls) {
        Map<Integer, Integer> errors = new TreeMap<>();
        calls.stream()
                .map(Call::errorCode)
                .filter(code -> code != null)
                .forEach(code -> errors.merge(code, 1, Integer::sum));
        return errors;
    }

    private int strays() {
        return sockets.stream().mapToInt(socket -> socket.strays().size()).sum();
    }
}
