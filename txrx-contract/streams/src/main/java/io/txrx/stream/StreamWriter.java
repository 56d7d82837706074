package io.txrx.stream;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.JedisPooled;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends entries to streams from many threads through one pipelined loop: callers enqueue and return at
 * once (a socket never waits on another), the loop writes whatever has gathered in one round trip, then
 * acks the entries those writes answered. On a Redis failure the batch is retried, never dropped.
 */
public final class StreamWriter {
    private static final Logger LOG = Logger.getLogger(StreamWriter.class.getName());

    private record Write(String stream, Map<String, String> fields, long maxLen, Ack ack) {}

    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final JedisPooled redis;
    private final int batchSize;
    private final Loop loop = new Loop("Stream writer", this::writeGathered, () -> !queue.isEmpty());

    public StreamWriter(JedisPooled redis, int batchSize) {
        this.redis = redis;
        this.batchSize = batchSize;
    }

    public void start(ExecutorService executor) {
        loop.start(executor);
    }

    /** Stops taking new work, writes what is queued, and waits for the loop to end. */
    public void stop() {
        loop.stop();
    }

    /** XADD with an approximate cap of {@code maxLen} entries. */
    public void append(String stream, Map<String, String> fields, long maxLen) {
        queue.add(new Write(stream, fields, maxLen, null));
    }

    /** XADD, then XACK {@code ack} in the same round trip, after the entry is written. */
    public void appendThenAck(String stream, Map<String, String> fields, long maxLen, Ack ack) {
        queue.add(new Write(stream, fields, maxLen, ack));
    }

    /** XACK an entry that produced no output (a notification, say). */
    public void ack(Ack ack) {
        queue.add(new Write(null, null, 0, ack));
    }

    private void writeGathered() throws InterruptedException {
        Write first = queue.poll(200, TimeUnit.MILLISECONDS);
        if (first == null) {
            return;
        }
        List<Write> batch = new ArrayList<>(batchSize);
        batch.add(first);
        queue.drainTo(batch, batchSize - 1);
        writeUntilDone(batch);
    }

    private void writeUntilDone(List<Write> batch) throws InterruptedException {
        while (true) {
            try {
                write(batch);
                return;
            } catch (JedisException e) {
                LOG.log(Level.WARNING, "Writing {0} stream entries failed, retrying: {1}", new Object[] {
                    batch.size(), e.getMessage()
                });
                if (!Loop.pauseAfterFailure()) {
                    throw new InterruptedException("stopped while retrying");
                }
            }
        }
    }

    private void write(List<Write> batch) {
        Map<String, List<StreamEntryID>> acks = new LinkedHashMap<>();
        try (Pipeline pipeline = redis.pipelined()) {
            for (Write write : batch) {
                if (write.stream != null) {
                    pipeline.xadd(
                            write.stream,
                            XAddParams.xAddParams().maxLen(write.maxLen).approximateTrimming(),
                            write.fields);
                }
                if (write.ack != null) {
                    acks.computeIfAbsent(write.ack.stream() + '\n' + write.ack.group(), k -> new ArrayList<>())
                            .add(write.ack.id());
                }
            }
            acks.forEach((streamAndGroup, ids) -> {
                int cut = streamAndGroup.indexOf('\n');
                pipeline.xack(
                        streamAndGroup.substring(0, cut),
                        streamAndGroup.substring(cut + 1),
                        ids.toArray(StreamEntryID[]::new));
            });
            pipeline.sync();
        }
    }
}
