package io.txrx.gateway.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.http.HttpUpgradeHandler;
import jakarta.servlet.http.WebConnection;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import org.junit.jupiter.api.Test;

/** The upgrade handler the servlet container keeps (in its request caches) after the socket is gone. */
class FrameLimitUpgradeTest {

    /** The WebSocket container's handler, holding what a socket holds (its session, in Tyrus). */
    static final class ContainerHandler implements HttpUpgradeHandler {
        int destroyed;
        Object socket = new Object();

        @Override
        public void init(WebConnection connection) {
            FrameLimitUpgrade.opening().whenTooBig(() -> socket.hashCode());
        }

        @Override
        public void destroy() {
            destroyed++;
        }
    }

    @Test
    void onceDestroyedItKeepsNothingOfTheSocket() throws Exception {
        FrameLimitUpgrade upgrade = new FrameLimitUpgrade();
        ContainerHandler container = new ContainerHandler();
        upgrade.wrap(container, 1024);
        upgrade.init(new Connection());
        ReferenceQueue<Object> collected = new ReferenceQueue<>();
        WeakReference<Object> socket = new WeakReference<>(container.socket, collected);
        WeakReference<Object> handler = new WeakReference<>(container, collected);

        upgrade.destroy();
        assertEquals(1, container.destroyed, "the container's handler is destroyed");
        container = null;

        for (int attempt = 0; attempt < 50 && (socket.get() != null || handler.get() != null); attempt++) {
            System.gc();
            collected.remove(100);
        }
        assertNull(handler.get(), "the container's handler is still reachable from the kept upgrade");
        assertNull(socket.get(), "the socket is still reachable from the kept upgrade");
        upgrade.destroy(); // a second destroy is harmless
    }

    private static final class Connection implements WebConnection {
        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return false;
                }

                @Override
                public boolean isReady() {
                    return false;
                }

                @Override
                public void setReadListener(ReadListener listener) {}

                @Override
                public int read() {
                    return -1;
                }
            };
        }

        @Override
        public ServletOutputStream getOutputStream() {
            return null;
        }

        @Override
        public void close() {}
    }
}
