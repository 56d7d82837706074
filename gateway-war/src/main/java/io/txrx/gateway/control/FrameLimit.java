package io.txrx.gateway.control;

import java.io.ByteArrayOutputStream;

/**
 * Keeps frames over the size limit from the WebSocket container: it reads the client's bytes before the
 * container does, frame header by frame header (RFC 6455 section 5.2), and passes on every frame whose
 * message stays within the limit. The first data frame that takes its message over the limit is dropped,
 * header and payload, and so is every data frame after it; control frames (close, ping, pong) still pass,
 * so the closing handshake works. The container never buffers an oversized frame, whatever its buffer size.
 */
public final class FrameLimit {
    private static final int MAX_HEADER = 14;

    private final long maxBytes;
    private final byte[] header = new byte[MAX_HEADER];
    private int headerLength;
    private long payloadLeft;
    private boolean passing;
    private long messageBytes;
    private boolean tripped;
    private boolean droppingFinalFrame;
    private boolean trippedMessageRead;

    public FrameLimit(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Whether a frame over the limit has been seen. */
    public boolean tripped() {
        return tripped;
    }

    /**
     * Whether the message over the limit has been read to its end (the payload of its last fragment
     * skipped), so that closing now does not reset a client that is still sending it.
     */
    public boolean trippedMessageRead() {
        return trippedMessageRead;
    }

    /** Reads bytes from the client; writes to {@code out} those the container may see. */
    public void filter(byte[] in, int offset, int length, ByteArrayOutputStream out) {
        int i = offset;
        int end = offset + length;
        while (i < end) {
            if (payloadLeft > 0) {
                int n = (int) Math.min(payloadLeft, end - i);
                if (passing) {
                    out.write(in, i, n);
                }
                payloadLeft -= n;
                i += n;
                if (payloadLeft == 0) {
                    frameRead();
                }
                continue;
            }
            header[headerLength++] = in[i++];
            if (headerLength >= 2 && headerLength == headerSize()) {
                frameHeaderRead(out);
            }
        }
    }

    private int headerSize() {
        int lengthCode = header[1] & 0x7f;
        int extended = lengthCode == 126 ? 2 : lengthCode == 127 ? 8 : 0;
        int mask = (header[1] & 0x80) != 0 ? 4 : 0;
        return 2 + extended + mask;
    }

    private void frameHeaderRead(ByteArrayOutputStream out) {
        boolean fin = (header[0] & 0x80) != 0;
        int opcode = header[0] & 0x0f;
        long length = payloadLength();
        boolean data = opcode < 8;
        if (data && !tripped) {
            messageBytes = length < 0 ? Long.MAX_VALUE : messageBytes + length;
            if (messageBytes > maxBytes) {
                tripped = true;
            }
        }
        passing = !(data && tripped);
        droppingFinalFrame = !passing && fin;
        if (passing) {
            out.write(header, 0, headerLength);
        }
        if (data && fin) {
            messageBytes = 0;
        }
        payloadLeft = length < 0 ? Long.MAX_VALUE : length;
        headerLength = 0;
        if (payloadLeft == 0) {
            frameRead();
        }
    }

    private void frameRead() {
        if (droppingFinalFrame) {
            droppingFinalFrame = false;
            trippedMessageRead = true;
        }
    }

    /** The payload length of the header read; negative if its 64-bit length has the top bit set. */
    private long payloadLength() {
        int lengthCode = header[1] & 0x7f;
        if (lengthCode < 126) {
            return lengthCode;
        }
        int bytes = lengthCode == 126 ? 2 : 8;
        long length = 0;
        for (int k = 0; k < bytes; k++) {
            length = (length << 8) | (header[2 + k] & 0xff);
        }
        return length;
    }
}
