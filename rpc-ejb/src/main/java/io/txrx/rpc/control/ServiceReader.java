package io.txrx.rpc.control;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.txrx.jsonrpc.Replies;
import io.txrx.keys.Fields;
import io.txrx.keys.StreamKeys;
import io.txrx.metrics.LatencyHistogram;
import io.txrx.stream.Ack;
import io.txrx.stream.DeadConsumerClaims;
import io.txrx.stream.GroupReader;
import io.txrx.stream.Loop;
import io.txrx.stream.StreamWriter;
import io.txrx.tracing.CallTracing;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One service on this instance: a reader loop batch-reads the service stream as consumer {@code instance}
 * of group {@code service} and hands the calls to a fixed set of worker loops, so a slow call never holds up
 * the others; each worker runs a call and gives its reply to the writer, which acks the entry after the
 * reply is written. The reader takes no more calls than there are idle workers: when all are busy it stops
 * reading (the calls stay in the stream for other instances) and only touches the group, so that no one
 * takes this instance for dead. The reader takes over the calls of instances that stopped reading
 * ({@link DeadConsumerClaims}); a clean {@link #stop()} ends reading, then lets the workers answer every
 * call already taken. Each call's wait since the dispatcher forwarded it ({@link Fields#DISPATCHED_AT}) and
 * its handler's run count in histograms; its reply carries when it was written ({@link Fields#REPLIED_AT}).
 */
public class ServiceReader {
    private static final Logger LOG = Logger.getLogger(ServiceReader.class.getName());

    private final GroupReader stream;
    private final CallExecutor executor;
    private final StreamWriter replies;
    private final StreamKeys keys;
    private final long rxMaxLen;
    private final int workerCount;
    private final int blockMs;
    private final BlockingQueue<StreamEntry> calls = new LinkedBlockingQueue<>();
    private final AtomicInteger taken = new AtomicInteger(); // handed over and not yet answered
    private final Object answered = new Object();
    private final DeadConsumerClaims claims;
    private final Loop reader;
    private final List<Loop> workers = new ArrayList<>();
    private final LatencyHistogram toRpc;
    private final LatencyHistogram handler;
    private final CallTracing tracing;

    public ServiceReader(
            GroupReader stream,
            CallExecutor executor,
            StreamWriter replies,
            StreamKeys keys,
            long claimIdleMs,
            long rxMaxLen,
            int workers,
            int blockMs) {
        this(
                stream,
                executor,
                replies,
                keys,
                claimIdleMs,
                rxMaxLen,
                workers,
                blockMs,
                new LatencyHistogram(),
                new LatencyHistogram(),
                CallTracing.off());
    }

    /**
     * {@code toRpc}: the wait of a call since it was forwarded; {@code handler}: the run of its handler;
     * {@code tracing}: when on, a span per call, from its forward to its reply.
     */
    public ServiceReader(
            GroupReader stream,
            CallExecutor executor,
            StreamWriter replies,
            StreamKeys keys,
            long claimIdleMs,
            long rxMaxLen,
            int workers,
            int blockMs,
            LatencyHistogram toRpc,
            LatencyHistogram handler,
            CallTracing tracing) {
        this.tracing = tracing;
        this.toRpc = toRpc;
        this.handler = handler;
        this.workerCount = workers;
        this.blockMs = blockMs;
        this.stream = stream;
        this.executor = executor;
        this.replies = replies;
        this.keys = keys;
        this.rxMaxLen = rxMaxLen;
        this.claims = new DeadConsumerClaims(stream, claimIdleMs);
        this.reader = new Loop("Reader of " + stream.stream(), this::read);
        for (int i = 0; i < workers; i++) {
            this.workers.add(new Loop("Worker on " + stream.stream(), this::work, () -> !calls.isEmpty()));
        }
    }

    /** Starts the reader loop and the worker loops on {@code executor}. */
    public void start(ExecutorService executor) {
        workers.forEach(worker -> worker.start(executor));
        reader.start(executor);
    }

    /** Stops reading, lets the workers answer the calls already handed over, and waits for them all. */
    public void stop() {
        stopReading();
        drain();
    }

    /** Whether reading the service stream fails (Redis unreachable, most likely), or did when it stopped. */
    public boolean failing() {
        return reader.failing();
    }

    /** Stops the reader loop: no new call is taken from the stream. */
    public void stopReading() {
        reader.stop();
    }

    /** Waits for the workers to answer every call already taken, then ends them (after {@link #stopReading}). */
    public void drain() {
        Loop.stopAll(workers);
    }

    /**
     * Drains several services side by side, all within {@code bound}: calls still running then are
     * interrupted (another instance takes them over once this one is gone).
     */
    public static void drainAll(Collection<ServiceReader> readers, Duration bound) {
        Loop.stopAll(readers.stream().flatMap(r -> r.workers.stream()).toList(), bound);
    }

    private void read() throws InterruptedException {
        int idle = workerCount - taken.get();
        if (idle > 0) {
            handOver(stream.readNew(idle));
        } else {
            stream.touch();
            awaitAnIdleWorker();
        }
        claims.claimIfDue(System.currentTimeMillis(), reader::running, this::handOver);
    }

    private void awaitAnIdleWorker() throws InterruptedException {
        synchronized (answered) {
            if (taken.get() >= workerCount) {
                answered.wait(blockMs);
            }
        }
    }

    /** One round of a worker: runs the next call handed over, if one comes within 200 ms. */
    private void work() throws InterruptedException {
        StreamEntry entry = calls.poll(200, TimeUnit.MILLISECONDS);
        if (entry == null) {
            return;
        }
        try {
            serve(entry);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A call on {0} failed unanswered: {1}", new Object[] {stream.stream(), e.toString()
            });
        } finally {
            taken.decrementAndGet();
            synchronized (answered) {
                answered.notifyAll();
            }
        }
    }

    /** {@code forwardedAt}: when the dispatcher forwarded the call, or when its handler started if unknown. */
    private Span startSpan(Map<String, String> fields, long forwardedAt) {
        return tracing.start(
                "txrx handle " + fields.get(Fields.METHOD),
                SpanKind.CONSUMER,
                fields.get(Fields.TRACEPARENT),
                forwardedAt);
    }

    private void handOver(List<StreamEntry> entries) {
        taken.addAndGet(entries.size());
        calls.addAll(entries);
    }

    private void serve(StreamEntry entry) {
        Ack ack = new Ack(stream.stream(), stream.group(), entry.getID());
        Map<String, String> fields = entry.getFields();
        if (fields == null) {
            replies.ack(ack);
            return;
        }
        long started = System.currentTimeMillis();
        long forwardedAt = Fields.stampMs(fields.get(Fields.DISPATCHED_AT), -1);
        toRpc.observeSince(forwardedAt, started);
        Span span = tracing.on() ? startSpan(fields, forwardedAt >= 0 ? forwardedAt : started) : null;
        Optional<Map<String, String>> reply = executor.execute(fields);
        long done = System.currentTimeMillis();
        handler.observe(done - started);
        if (span != null) {
            CallTracing.end(
                    span,
                    reply.map(r -> Replies.errorCode(r.get(Fields.MESSAGE), "")).orElse(0));
        }
        if (reply.isPresent()) {
            reply.get().put(Fields.REPLIED_AT, Long.toString(done));
            replies.appendThenAck(keys.rx(fields.get(Fields.GATEWAY)), reply.get(), rxMaxLen, ack);
        } else {
            replies.ack(ack);
        }
    }
}
