package io.txrx.gateway.channel.control;

import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.StreamEntryID;

/**
 * One socket's subscription to one channel, and the guarantee that the socket gets each message once, in
 * order: every message is sent only if its offset is past the cursor, which then moves to it. While the
 * replay runs (on the subscribing thread) the fan-out holds live messages back; {@link #goLive()} sends the
 * held ones that the replay did not cover, and from then on the fan-out sends directly.
 */
public final class Subscription {

    /** Where a subscription's messages go: answers {@code false} once the socket is gone. */
    @FunctionalInterface
    public interface Socket {
        boolean send(String text);
    }

    private record Held(StreamEntryID offset, String push) {}

    private final String channel;
    private final Socket socket;
    private StreamEntryID cursor;
    private List<Held> held = new ArrayList<>();
    private boolean closed;

    /** A subscription that starts after {@code after}, replaying until {@link #goLive()}. */
    public Subscription(String channel, StreamEntryID after, Socket socket) {
        this.channel = channel;
        this.cursor = after;
        this.socket = socket;
    }

    public String channel() {
        return channel;
    }

    /** The offset of the last message sent (or the start offset, before any). */
    public synchronized StreamEntryID cursor() {
        return cursor;
    }

    /** A message from the replay, read from the stream in order. */
    public synchronized void replay(StreamEntryID offset, String push) {
        deliver(offset, push);
    }

    /** A message from the fan-out; answers {@code false} when the socket is gone and the subscription with it. */
    public synchronized boolean offer(StreamEntryID offset, String push) {
        if (held != null && !closed) {
            held.add(new Held(offset, push));
        } else {
            deliver(offset, push);
        }
        return !closed;
    }

    /** Ends the replay: sends the held messages past the cursor; answers the cursor after them. */
    public synchronized StreamEntryID goLive() {
        List<Held> replayedOver = held;
        held = null;
        if (replayedOver != null) {
            replayedOver.forEach(message -> deliver(message.offset(), message.push()));
        }
        return cursor;
    }

    /** Sends nothing more. */
    public synchronized void close() {
        closed = true;
        held = null;
    }

    private void deliver(StreamEntryID offset, String push) {
        if (closed || offset.compareTo(cursor) <= 0) {
            return;
        }
        cursor = offset;
        if (!socket.send(push)) {
            close();
        }
    }
}
