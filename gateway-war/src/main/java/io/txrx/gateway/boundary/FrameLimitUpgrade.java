package io.txrx.gateway.boundary;

import io.txrx.gateway.control.FrameLimit;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The upgraded connection as the servlet container hands it over: the WebSocket container's own handler,
 * reading the client through a {@link FrameLimitInput}. The container opens the socket ({@code @OnOpen})
 * while this handler starts it, on the same thread, which is how the endpoint finds the limit of its socket
 * ({@link #opening()}).
 */
public class FrameLimitUpgrade implements HttpUpgradeHandler {
    private static final Logger LOG = Logger.getLogger(FrameLimitUpgrade.class.getName());
    private static final ThreadLocal<FrameLimitInput> OPENING = new ThreadLocal<>();

    private volatile HttpUpgradeHandler container;
    private volatile FrameLimitInput input;
    private int maxFrameBytes;

    void wrap(HttpUpgradeHandler handler, int maxBytes) {
        this.container = handler;
        this.maxFrameBytes = maxBytes;
    }

    /** The limit of the socket being opened on this thread, or {@code null} outside of an opening. */
    static FrameLimitInput opening() {
        return OPENING.get();
    }

    @Override
    public void init(WebConnection connection) {
        ServletInputStream in;
        try {
            in = connection.getInputStream();
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the upgraded connection", e);
        }
        FrameLimitInput limited = new FrameLimitInput(in, new FrameLimit(maxFrameBytes), () -> drop(connection));
        input = limited;
        OPENING.set(limited);
        try {
            container.init(new Limited(connection, limited));
        } finally {
            OPENING.remove();
        }
    }

    /**
     * The connection is gone. Grizzly keeps recycled requests in caches of its worker threads (up to 16 per
     * thread), and a cached request still holds its upgrade handler: this one lets go of the container's
     * handler and of the socket's input, so that what such a cache keeps is this empty shell and not the
     * closed socket's session, endpoint and buffers.
     */
    @Override
    public void destroy() {
        HttpUpgradeHandler handler = container;
        FrameLimitInput limited = input;
        container = null;
        input = null;
        if (limited != null) {
            limited.release();
        }
        if (handler != null) {
            handler.destroy();
        }
    }

    /** No endpoint took the socket (it was refused at open): the connection is dropped. */
    private static void drop(WebConnection connection) {
        try {
            connection.close();
        } catch (Exception e) {
            LOG.log(Level.FINE, "Dropping a connection failed: {0}", e.toString());
        }
    }

    /** The connection with the limited input. */
    private record Limited(WebConnection connection, FrameLimitInput input) implements WebConnection {
        @Override
        public ServletInputStream getInputStream() {
            return input;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            return connection.getOutputStream();
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }
}
