package io.txrx.gateway.boundary;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URL;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client at the byte level, for what the Java client cannot do by design: send text frames that
 * are not UTF-8, and stop reading while the gateway writes. It does the handshake by hand (RFC 6455 section
 * 4.1), writes masked frames, and reads frames only when asked.
 */
final class RawSocket implements AutoCloseable {
    static final int TEXT = 0x1;
    static final int CLOSE = 0x8;

    /** A frame from the gateway. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        /** The status code of a close frame, or 1005 when it has none. */
        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }
    }

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private RawSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /**
     * Opens a socket to the gateway's {@code /ws}; {@code receiveBuffer} &gt; 0 makes the client's TCP receive
     * buffer that small, so that a client that stops reading holds little.
     */
    static RawSocket open(URL base, int receiveBuffer) throws IOException {
        Socket socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new java.net.InetSocketAddress(base.getHost(), base.getPort()), 10_000);
        socket.setSoTimeout(10_000);
        RawSocket raw = new RawSocket(socket);
        raw.handshake(base);
        return raw;
    }

    private void handshake(URL base) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String host = base.getHost() + ":" + base.getPort();
        String request = "GET " + base.getPath() + "ws HTTP/1.1\r\n"
                + "Host: " + host + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce) + "\r\n"
                + "Sec-WebSocket-Version: 13\r\n"
                + "Origin: http://" + host + "\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String status = readLine();
        if (!status.startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + status);
        }
        while (!readLine().isEmpty()) {
            // headers
        }
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != -1 && c != '\n') {
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    void sendText(String text) throws IOException {
        send(TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends one final frame with this opcode and payload, masked as a client must. */
    void send(int opcode, byte[] payload) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(14);
        header.put((byte) (0x80 | opcode));
        if (payload.length < 126) {
            header.put((byte) (0x80 | payload.length));
        } else if (payload.length < 65536) {
            header.put((byte) (0x80 | 126)).putShort((short) payload.length);
        } else {
            header.put((byte) (0x80 | 127)).putLong(payload.length);
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        header.put(mask);
        byte[] masked = new byte[payload.length];
        for (int i = 0; i < payload.length; i++) {
            masked[i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        out.write(header.array(), 0, header.position());
        out.write(masked);
        out.flush();
    }

    /** The next frame, or {@code null} if none comes within {@code timeout}; fails at the end of the stream. */
    Frame next(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        int first;
        try {
            first = in.read();
        } catch (SocketTimeoutException e) {
            return null;
        }
        if (first < 0) {
            throw new IOException("the gateway ended the stream without a close frame");
        }
        socket.setSoTimeout(10_000);
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        return new Frame(first & 0x0f, payload);
    }

    /** Reads until the gateway's close frame and answers its code; -1 if the stream ends without one. */
    int closeCode(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Frame frame;
            try {
                frame = next(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
            } catch (IOException e) {
                return -1;
            }
            if (frame != null && frame.opcode() == CLOSE) {
                return frame.closeCode();
            }
        }
        throw new AssertionError("no close within " + timeout);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
