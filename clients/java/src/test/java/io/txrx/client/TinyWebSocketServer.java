package io.txrx.client;

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
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Just enough of an RFC 6455 server for tests of what talks to a gateway (the Java client, the benchmark): the
 * handshake on {@value #PATH} (any other path gets 404), text frames both ways, ping, close, and
 * {@link Peer#kill()} to cut a socket without a close frame, as a killed gateway would.
 */
public final class TinyWebSocketServer implements AutoCloseable {

    /** What the test's server does with a socket and its text frames. */
    public interface Handler {
        default void opened(Peer peer) {}

        void text(Peer peer, String text);
    }

    public static final String PATH = "/gateway/ws";
    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    private final ServerSocket server;
    private final Handler handler;
    private final List<Peer> peers = new CopyOnWriteArrayList<>();
    private volatile boolean running = true;

    public TinyWebSocketServer(Handler handler) throws IOException {
        this.handler = handler;
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "tiny-ws-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public URI uri() {
        return URI.create("ws://127.0.0.1:" + server.getLocalPort() + PATH);
    }

    /** The sockets that completed the handshake so far. */
    public List<Peer> peers() {
        return peers;
    }

    /** Like SIGKILL of a gateway: the port closes and every socket is cut without a close frame. */
    public void kill() throws IOException {
        running = false;
        server.close();
        for (Peer peer : peers) {
            peer.kill();
        }
    }

    @Override
    public void close() throws IOException {
        kill();
    }

    private void accept() {
        while (running) {
            try {
                Socket socket = server.accept();
                Thread reader = new Thread(() -> serve(socket), "tiny-ws-peer");
                reader.setDaemon(true);
                reader.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            String head = handshakeHead(in);
            if (!head.startsWith("GET " + PATH + " ")) {
                out.write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                return;
            }
            String key = handshakeKey(head);
            out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                            + "Sec-WebSocket-Accept: " + accept(key) + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Peer peer = new Peer(socket);
            peers.add(peer);
            handler.opened(peer);
            read(new DataInputStream(new java.io.BufferedInputStream(in)), peer);
        } catch (IOException e) {
            // the socket ended: nothing left to serve
        }
    }

    private void read(DataInputStream in, Peer peer) throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        while (true) {
            int first = in.readUnsignedByte();
            int second = in.readUnsignedByte();
            int opcode = first & 0x0F;
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
            switch (opcode) {
                case 0x0, 0x1 -> {
                    message.write(payload);
                    if ((first & 0x80) != 0) {
                        handler.text(peer, message.toString(StandardCharsets.UTF_8));
                        message.reset();
                    }
                }
                case 0x8 -> {
                    peer.frame(0x8, payload);
                    return;
                }
                case 0x9 -> peer.frame(0xA, payload);
                default -> {
                    // pong, binary: not used by the client
                }
            }
        }
    }

    private static String handshakeHead(InputStream in) throws IOException {
        StringBuilder headers = new StringBuilder();
        while (!headers.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("handshake cut short");
            }
            headers.append((char) next);
        }
        return headers.toString();
    }

    private static String handshakeKey(String headers) throws IOException {
        for (String line : headers.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("sec-websocket-key:")) {
                return line.substring(line.indexOf(':') + 1).trim();
            }
        }
        throw new IOException("no Sec-WebSocket-Key in " + headers);
    }

    private static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One client socket, from the server's side. */
    public static final class Peer {
        private final Socket socket;

        Peer(Socket socket) {
            this.socket = socket;
        }

        public void send(String text) {
            try {
                frame(0x1, text.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // the client is gone; a test notices by what it (does not) receive
            }
        }

        public void kill() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed already
            }
        }

        synchronized void frame(int opcode, byte[] payload) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 10);
            out.write(0x80 | opcode);
            if (payload.length < 126) {
                out.write(payload.length);
            } else if (payload.length < 65536) {
                out.write(126);
                out.write(payload.length >>> 8);
                out.write(payload.length & 0xFF);
            } else {
                out.write(127);
                for (int shift = 56; shift >= 0; shift -= 8) {
                    out.write((int) ((long) payload.length >>> shift) & 0xFF);
                }
            }
            out.write(payload);
            socket.getOutputStream().write(out.toByteArray());
        }
    }
}
