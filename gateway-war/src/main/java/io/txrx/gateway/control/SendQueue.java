package io.txrx.gateway.control;

/**
 * What one socket has handed to the container and the container has not yet written: frames and their size
 * (the text's length in characters, one byte each for ASCII). A socket whose client stops reading fills it;
 * past either bound the socket is closed instead of holding more of the gateway's heap.
 */
public final class SendQueue {
    private final int maxFrames;
    private final long maxBytes;
    private int frames;
    private long bytes;

    public SendQueue(int maxFrames, long maxBytes) {
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
    }

    /** Counts a frame about to be sent; answers {@code false}, counting nothing, when it would pass a bound. */
    public synchronized boolean admit(int size) {
        if (frames + 1 > maxFrames || bytes + size > maxBytes) {
            return false;
        }
        frames++;
        bytes += size;
        return true;
    }

    /** A frame was written, or failed: it no longer counts. */
    public synchronized void done(int size) {
        frames--;
        bytes -= size;
    }

    public synchronized int frames() {
        return frames;
    }

    public synchronized long bytes() {
        return bytes;
    }

    /** The bounds, for the close reason. */
    @Override
    public String toString() {
        return maxFrames + " frames or " + maxBytes + " bytes";
    }
}
