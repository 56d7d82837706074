package io.txrx.testing;

import io.txrx.client.GatewaySocket;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The tests' socket to a gateway: the Java client's {@link GatewaySocket}, with sends that wait until the frame
 * is out and a close code read with a timeout.
 */
public final class WsClient implements AutoCloseable {
    private static final Duration CONNECT = Duration.ofSeconds(10);
    private final GatewaySocket socket;

    private WsClient(GatewaySocket socket) {
        this.socket = socket;
    }

    public static WsClient connect(URI uri) {
        try {
            return new WsClient(GatewaySocket.open(uri, CONNECT));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while connecting to " + uri, e);
        }
    }

    /** The socket itself, for calls matched by id ({@link GatewaySocket#call}). */
    public GatewaySocket socket() {
        return socket;
    }

    public WsClient send(String text) {
        socket.send(text).join();
        return this;
    }

    public WsClient sendBinary(byte[] data) {
        socket.sendBinary(data).join();
        return this;
    }

    /** The next text message, failing the test if none arrives in time. */
    public String next(Duration timeout) throws InterruptedException {
        return socket.next(timeout);
    }

    /** The next text message, or {@code null} if none arrives in time. */
    public String poll(Duration timeout) throws InterruptedException {
        return socket.poll(timeout);
    }

    /** The close code the server sent. */
    public int closeCode(Duration timeout) throws Exception {
        return socket.closed().get(timeout.toMillis(), TimeUnit.MILLISECONDS).code();
    }

    @Override
    public void close() {
        socket.close();
    }
}
