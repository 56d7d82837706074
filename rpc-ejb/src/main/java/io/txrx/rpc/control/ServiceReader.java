package io.txrx.rpc.control;

import io.txrx.keys.Fields;
import io.txrx.keys.StreamKeys;
import io.txrx.stream.Ack;
import io.txrx.stream.GroupReader;
import io.txrx.stream.Loops;
import io.txrx.stream.StreamWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * One service on this instance: a reader loop batch-reads the service stream as consumer {@code instance}
 * of group {@code service} and hands the calls to a fixed set of worker loops, so a slow call never holds up
 * the others; each worker runs a call and gives its reply to the writer, which acks the entry after the
 * reply is written. The hand-over queue is small: when the workers are busy the reader stops reading and
 * the calls stay in the stream for other instances. Every claim interval the reader takes over calls left
 * pending by a dead instance.
 */
public class ServiceReader implements Runnable {
    private static final Logger LOG = Logger.getLogger(ServiceReader.class.getName());
    private static final StreamEntryID START = new StreamEntryID(0, 0);

    private final GroupReader stream;
    private final CallExecutor executor;
    private final StreamWriter replies;
    private final StreamKeys keys;
    private final long claimIdleMs;
    private final long rxMaxLen;
    private final BlockingQueue<StreamEntry> calls;
    private volatile boolean running = true;

    public ServiceReader(
            GroupReader stream,
            CallExecutor executor,
            StreamWriter replies,
            StreamKeys keys,
            long claimIdleMs,
            long rxMaxLen,
            int workers) {
        this.calls = new ArrayBlockingQueue<>(workers);
        this.stream = stream;
        this.executor = executor;
        this.replies = replies;
        this.keys = keys;
        this.claimIdleMs = claimIdleMs;
        this.rxMaxLen = rxMaxLen;
    }

    public void stop() {
        running = false;
    }

    @Override
    public void run() {
        long nextClaim = 0;
        while (running) {
            try {
                long now = System.currentTimeMillis();
                if (now >= nextClaim) {
                    claimFromDeadInstances();
                    nextClaim = now + Math.max(claimIdleMs / 2, 100);
                }
                handOver(stream.readNew());
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reader of {0} failed, going on: {1}", new Object[] {
                    stream.stream(), e.toString()
                });
                Loops.pauseAfterFailure();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** A worker loop: runs calls until the reader stops and the hand-over queue is empty. */
    public void work() {
        while (running || !calls.isEmpty()) {
            try {
                StreamEntry entry = calls.poll(200, TimeUnit.MILLISECONDS);
                if (entry != null) {
                    serve(entry);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "A call on {0} failed unanswered: {1}", new Object[] {
                    stream.stream(), e.toString()
                });
            }
        }
    }

    private void handOver(List<StreamEntry> entries) throws InterruptedException {
        for (StreamEntry entry : entries) {
            calls.put(entry);
        }
    }

    private void claimFromDeadInstances() throws InterruptedException {
        StreamEntryID cursor = START;
        do {
            var claimed = stream.claim(claimIdleMs, cursor);
            List<StreamEntry> entries = claimed.getValue();
            if (!entries.isEmpty()) {
                LOG.log(Level.INFO, "Claimed {0} pending call(s) on {1}", new Object[] {entries.size(), stream.stream()
                });
                handOver(entries);
            }
            cursor = claimed.getKey();
        } while (!cursor.equals(START));
    }

    private void serve(StreamEntry entry) {
        Ack ack = new Ack(stream.stream(), stream.group(), entry.getID());
        Map<String, String> fields = entry.getFields();
        if (fields == null) {
            replies.ack(ack);
            return;
        }
        Optional<Map<String, String>> reply = executor.execute(fields);
        if (reply.isPresent()) {
            replies.appendThenAck(keys.rx(fields.get(Fields.GATEWAY)), reply.get(), rxMaxLen, ack);
        } else {
            replies.ack(ack);
        }
    }
}
