package io.txrx.gateway.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The bytes the container sees of a client's frames: all of those within the limit, none of one over it. */
class FrameLimitTest {
    private static final int TEXT = 0x1;
    private static final int CONTINUATION = 0x0;
    private static final int CLOSE = 0x8;
    private static final int PING = 0x9;

    private final FrameLimit cut = new FrameLimit(100);

    @Test
    void framesUpToTheLimitPassWholeHoweverTheyAreSplit() {
        byte[] stream =
                concat(frame(true, TEXT, 5), frame(true, TEXT, 100), frame(true, TEXT, 126), frame(true, PING, 3));
        FrameLimit wide = new FrameLimit(200);
        for (int chunk : new int[] {1, 2, 3, 7, 13, stream.length}) {
            FrameLimit limit = new FrameLimit(200);
            assertArrayEquals(stream, feed(limit, stream, chunk), "chunks of " + chunk);
            assertFalse(limit.tripped());
        }
        assertArrayEquals(stream, feed(wide, stream, stream.length));
    }

    @Test
    void aFrameOneByteOverTheLimitIsDroppedWithWhatFollowsButControlFramesPass() {
        byte[] before = frame(true, TEXT, 100);
        byte[] over = frame(true, TEXT, 101);
        byte[] after = frame(true, TEXT, 3);
        byte[] close = frame(true, CLOSE, 2);
        for (int chunk : new int[] {1, 5, 64, 1000}) {
            FrameLimit limit = new FrameLimit(100);
            byte[] seen = feed(limit, concat(before, over, after, close), chunk);
            assertArrayEquals(concat(before, close), seen, "chunks of " + chunk);
            assertTrue(limit.tripped());
            assertTrue(limit.trippedMessageRead());
        }
    }

    @Test
    void aHugeFrameIsTrippedByItsHeaderAndNoneOfItIsKept() {
        byte[] header = header(true, TEXT, 4L << 20);
        byte[] seen = feed(cut, header, header.length);
        assertArrayEquals(new byte[0], seen);
        assertTrue(cut.tripped());
        assertFalse(cut.trippedMessageRead(), "its payload has not been read yet");
        byte[] payload = new byte[4 << 20];
        assertArrayEquals(new byte[0], feed(cut, payload, 65536));
        assertTrue(cut.trippedMessageRead());
    }

    @Test
    void aFragmentedMessageCountsAllItsFragments() {
        byte[] first = frame(false, TEXT, 60);
        byte[] second = frame(false, CONTINUATION, 30);
        byte[] ping = frame(true, PING, 1);
        byte[] last = frame(true, CONTINUATION, 20);
        byte[] seen = feed(cut, concat(first, second, ping, last), 9);
        assertArrayEquals(concat(first, second, ping), seen, "the last fragment takes the message to 110");
        assertTrue(cut.tripped());
        assertTrue(cut.trippedMessageRead());

        FrameLimit early = new FrameLimit(100);
        feed(early, concat(frame(false, TEXT, 101), frame(false, CONTINUATION, 50)), 7);
        assertTrue(early.tripped());
        assertFalse(early.trippedMessageRead(), "its last fragment is still to come");
        feed(early, frame(true, CONTINUATION, 10), 7);
        assertTrue(early.trippedMessageRead());
    }

    @Test
    void aLengthWithTheTopBitSetIsOverAnyLimit() {
        byte[] header = header(true, TEXT, 0);
        header[1] = (byte) (0x80 | 127);
        byte[] evil = concat(Arrays.copyOf(header, 2), new byte[] {(byte) 0xff, 0, 0, 0, 0, 0, 0, 1}, new byte[4]);
        assertArrayEquals(new byte[0], feed(cut, evil, 3));
        assertTrue(cut.tripped());
    }

    private static byte[] feed(FrameLimit limit, byte[] stream, int chunk) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = 0; at < stream.length; at += chunk) {
            limit.filter(stream, at, Math.min(chunk, stream.length - at), out);
        }
        return out.toByteArray();
    }

    /** A masked client frame with a payload of {@code length} bytes. */
    private static byte[] frame(boolean fin, int opcode, int length) {
        byte[] payload = new byte[length];
        Arrays.fill(payload, (byte) 'x');
        return concat(header(fin, opcode, length), payload);
    }

    private static byte[] header(boolean fin, int opcode, long length) {
        ByteBuffer header = ByteBuffer.allocate(14);
        header.put((byte) ((fin ? 0x80 : 0) | opcode));
        if (length < 126) {
            header.put((byte) (0x80 | length));
        } else if (length < 65536) {
            header.put((byte) (0x80 | 126)).putShort((short) length);
        } else {
            header.put((byte) (0x80 | 127)).putLong(length);
        }
        header.put(new byte[] {1, 2, 3, 4});
        return Arrays.copyOf(header.array(), header.position());
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
