package io.txrx.rpc.control;

import io.txrx.stream.Ack;
import io.txrx.stream.Fields;
import io.txrx.stream.GroupReader;
import io.txrx.stream.StreamKeys;
import io.txrx.stream.StreamWriter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * The loop of one service on this instance: batch-reads the service stream as consumer {@code instance} of
 * group {@code service}, runs each call and hands its reply to the writer, which acks the entry after the
 * reply is written. Every claim interval it takes over calls left pending by a dead instance.
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
    private volatile boolean running = true;

    public ServiceReader(GroupReader stream, CallExecutor executor, StreamWriter replies, StreamKeys keys,
            long claimIdleMs, long rxMaxLen) {
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
                stream.readNew().forEach(this::serve);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Reader of {0} failed, going on: {1}", new Object[] {stream.stream(), e.toString()});
                pause();
            }
        }
    }

    private void claimFromDeadInstances() {
        StreamEntryID cursor = START;
        do {
            var claimed = stream.claim(claimIdleMs, cursor);
            List<StreamEntry> entries = claimed.getValue();
            if (!entries.isEmpty()) {
                LOG.log(Level.INFO, "Claimed {0} pending call(s) on {1}", new Object[] {entries.size(), stream.stream()});
                entries.forEach(this::serve);
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

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
