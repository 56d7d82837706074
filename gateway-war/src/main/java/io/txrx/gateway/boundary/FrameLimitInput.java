package io.txrx.gateway.boundary;

import io.txrx.gateway.control.ContextLoader;
import io.txrx.gateway.control.FrameLimit;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

/**
 * The client's bytes as the WebSocket container reads them, through a {@link FrameLimit}. Once a message
 * over the limit has been read to its end (its payload skipped, so that the client is not reset while it
 * still sends, up to 64 MiB), the socket is closed with 1009 ({@link #whenTooBig}); that happens when the
 * container next asks for data, after it has taken the frames before.
 */
final class FrameLimitInput extends ServletInputStream {
    /** Skipped bytes after which an endless frame closes the socket without waiting for its end. */
    private static final long MAX_SKIP = 64L << 20;

    private final ServletInputStream in;
    private final FrameLimit limit;
    private volatile Runnable tooBig;
    private byte[] pending = new byte[0];
    private int pendingAt;
    private long skipped;
    private boolean closed;

    FrameLimitInput(ServletInputStream in, FrameLimit limit, Runnable fallback) {
        this.in = in;
        this.limit = limit;
        this.tooBig = fallback;
    }

    /** What closes the socket when a frame is too big. */
    void whenTooBig(Runnable close) {
        tooBig = close;
    }

    /** The socket is gone: forgets what closes it (it holds the socket's session). */
    void release() {
        tooBig = () -> {};
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (pendingAt < pending.length) {
            return drain(buffer, offset, length);
        }
        closeIfTooBig();
        byte[] raw = new byte[Math.max(length, 1)];
        int n = in.read(raw, 0, length);
        if (n <= 0) {
            return n;
        }
        ByteArrayOutputStream kept = new ByteArrayOutputStream(n);
        limit.filter(raw, 0, n, kept);
        if (limit.tripped()) {
            skipped += n - kept.size();
        }
        pending = kept.toByteArray();
        pendingAt = 0;
        return drain(buffer, offset, length);
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n == 1 ? one[0] & 0xff : n == 0 ? read() : -1;
    }

    @Override
    public synchronized boolean isReady() {
        if (pendingAt < pending.length) {
            return true;
        }
        closeIfTooBig();
        return in.isReady();
    }

    @Override
    public synchronized boolean isFinished() {
        return pendingAt >= pending.length && in.isFinished();
    }

    @Override
    public synchronized int available() throws IOException {
        return pending.length - pendingAt + in.available();
    }

    /** The container reads and handles frames in its listener: without services to look up (ContextLoader). */
    @Override
    public void setReadListener(ReadListener listener) {
        in.setReadListener(new ReadListener() {
            @Override
            public void onDataAvailable() throws IOException {
                ContextLoader.withoutServices(listener::onDataAvailable);
            }

            @Override
            public void onAllDataRead() throws IOException {
                ContextLoader.withoutServices(listener::onAllDataRead);
            }

            @Override
            public void onError(Throwable failure) {
                listener.onError(failure);
            }
        });
    }

    @Override
    public void close() throws IOException {
        in.close();
    }

    private int drain(byte[] buffer, int offset, int length) {
        int n = Math.min(length, pending.length - pendingAt);
        System.arraycopy(pending, pendingAt, buffer, offset, n);
        pendingAt += n;
        if (pendingAt == pending.length) {
            pending = new byte[0];
            pendingAt = 0;
        }
        return n;
    }

    private void closeIfTooBig() {
        if (!closed && limit.tripped() && (limit.trippedMessageRead() || skipped > MAX_SKIP)) {
            closed = true;
            tooBig.run();
        }
    }
}
