package io.txrx.benchmark;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stand-in gateway for tests: a bare RFC 6455 server on 127.0.0.1 that answers every call
 * the way the test asks (echo, JSON-RPC error, or silence) and pushes a notification before
 * each answer, as the real gateway may. Only unfragmented text frames, one thread per socket.
 */
final class LoopbackGateway implements AutoCloseable {

    enum Answer {
        ECHO,
        ERROR,
        SILENCE
    }

    private static final String PATH = "/gateway/ws";
    private static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final Answer answer;
    private final AtomicInteger connections = new AtomicInteger();

    LoopbackGateway(Answer answer) throws IOException {
        this.answer = answer;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "loopback-gateway-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI url() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + PATH);
    }

    URI wrongPathUrl() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + "/nowhere");
    }

    int connections() {
        return connections.get();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                Thread session = new Thread(() -> serve(socket), "loopback-gateway-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            DataInputStream in = new DataInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            if (!handshake(in, out)) {
                return;
            }
            connections.incrementAndGet();
            while (true) {
                int first = in.readUnsignedByte();
                int opcode = first & 0x0F;
                byte[] payload = readPayload(in);
                if (opcode == 0x8) {
                    writeFrame(out, 0x8, payload);
                    return;
                }
                if (opcode == 0x1) {
                    answer(out, new String(payload, StandardCharsets.UTF_8));
                }
            }
        } catch (IOException | NoSuchAlgorithmException endOfSession) {
            // the client went away; the test observes results through the benchmark's output
        }
    }

    private void answer(OutputStream out, String call) throws IOException {
        long id = JsonRpcReply.parse(call).id();
        String params = call.substring(call.indexOf("\"params\":") + 9, call.lastIndexOf('}'));
        writeText(out, "{\"jsonrpc\":\"2.0\",\"method\":\"system.tick\",\"params\":{\"id\":" + id + "}}");
        switch (answer) {
            case ECHO -> writeText(out, "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + params + "}");
            case ERROR -> writeText(
                    out,
                    "{\"jsonrpc\":\"2.0\",\"id\":" + id
                            + ",\"error\":{\"code\":-32601,\"message\":\"Method not found\"}}");
            case SILENCE -> {}
        }
    }

    private static boolean handshake(InputStream in, OutputStream out) throws IOException, NoSuchAlgorithmException {
        String request = readHead(in);
        String key = null;
        for (String line : request.split("\r\n")) {
            if (line.toLowerCase().startsWith("sec-websocket-key:")) {
                key = line.substring(line.indexOf(':') + 1).trim();
            }
        }
        if (!request.startsWith("GET " + PATH + " ") || key == null) {
            out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            return false;
        }
        byte[] digest =
                MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Accept: " + Base64.getEncoder().encodeToString(digest) + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return true;
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed during handshake");
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        return head.toString(StandardCharsets.US_ASCII);
    }

    private static byte[] readPayload(DataInputStream in) throws IOException {
        int second = in.readUnsignedByte();
        long length = second & 0x7F;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] mask = new byte[4];
        if ((second & 0x80) != 0) {
            in.readFully(mask);
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i % 4];
        }
        return payload;
    }

    private static void writeText(OutputStream out, String text) throws IOException {
        writeFrame(out, 0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void writeFrame(OutputStream out, int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65_536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xFF);
        } else {
            frame.write(127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        frame.write(payload);
        synchronized (out) {
            out.write(frame.toByteArray());
            out.flush();
        }
    }
}
