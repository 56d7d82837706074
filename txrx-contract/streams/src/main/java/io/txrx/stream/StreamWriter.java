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
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * Appends entries to streams from many threads through one pipelined loop: callers enqueue and return at
 * once (a socket never waits on another), the loop writes whatever has gathered in one round trip, then
 * acks the entries those writes answered. On a Redis failure the batch is retried until it is written (one
 * warning per outage); only a writer stopped while Redis is unreachable gives up what it still holds, and says
 * how much.
 */
public final class StreamWriter {
    private static final Logger LOG = Logger.getLogger(StreamWriter.class.getName());

    private record Write(String stream, Map<String, String> fields, long maxLen, Ack ack) {}

    private final BlockingQueue<Write> queue = new LinkedBlockingQueue<>();
    private final Redis redis;
    private final int batchSize;
    private final Loop loop;
    private final Outage outage;

    /** @param name what the log calls it, such as "TX writer" */
    public StreamWriter(String name, Redis redis, int batchSize) {
        this.loop = new Loop(name, this::writeGathered, () -> !queue.isEmpty());
        this.outage = new Outage(name);
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

    /** Whether the last write failed (Redis unreachable, most likely) and the writer is retrying. */
    public boolean failing() {
        return outage.ongoing();
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
                outage.succeeded(System.currentTimeMillis());
                return;
            } catch (JedisException e) {
                outage.failed(e, System.currentTimeMillis());
                if (!loop.running()) {
                    giveUp(batch.size());
                    return;
                }
                if (!Loop.pauseAfterFailure()) {
                    throw new InterruptedException("stopped while retrying");
                }
            }
        }
    }

    private void giveUp(int inBatch) {
        int dropped = inBatch + queue.size();
        queue.clear();
        LOG.log(Level.WARNING, "Stopped while Redis is unreachable: {0} stream entries were not written", dropped);
    }

    private void write(List<Write> batch) {
        Map<String, List<StreamEntryID>> acks = new LinkedHashMap<>();
        try (NodePipelines pipelines = redis.pipelines()) {
            for (Write write : batch) {
                if (write.stream != null) {
                    pipelines
                            .on(write.stream)
                            .xadd(
                                    write.stream,
                                    XAddParams.xAddParams().maxLen(write.maxLen).approximateTrimming(),
                                    write.fields);
                }
                if (write.ack != null) {
                    acks.computeIfAbsent(write.ack.stream() + '\n' + write.ack.group(), k -> new ArrayList<>())
                            .add(write.ack.id());
                }
            }
            pipelines.barrier();
            acks.forEach((streamAndGroup, ids) -> {
                int cut = streamAndGroup.indexOf('\n');
                String stream = streamAndGroup.substring(0, cut);
                pipelines.on(stream).xack(stream, streamAndGroup.substring(cut + 1), ids.toArray(StreamEntryID[]::new));
            });
            pipelines.sync();
        }
    }
}
