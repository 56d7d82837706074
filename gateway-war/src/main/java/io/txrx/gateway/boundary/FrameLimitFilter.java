package io.txrx.gateway.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpUpgradeHandler;
import java.io.IOException;

/**
 * Puts a {@link FrameLimitUpgrade} between the client and the WebSocket container on every handshake, so
 * that a frame over {@code txrx.gateway.max-frame-bytes} closes the socket with 1009 before the container
 * buffers it (Tyrus would buffer up to its incoming buffer, then close with 1011). Declared in web.xml, so
 * it runs before the container's own WebSocket filter.
 */
public class FrameLimitFilter implements Filter {
    /** The largest limit: the container's frame buffer (web.xml) holds 64 MiB and a frame header. */
    static final int MAX_LIMIT = 64 << 20;

    @Inject
    Gateway gateway;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (request instanceof HttpServletRequest http && http.getHeader("Sec-WebSocket-Key") != null) {
            chain.doFilter(new Limited(http, Math.min(gateway.maxFrameBytes(), MAX_LIMIT)), response);
        } else {
            chain.doFilter(request, response);
        }
    }

    /** The handshake, whose upgrade puts the limit in front of the container's handler. */
    private static final class Limited extends HttpServletRequestWrapper {
        private final int maxFrameBytes;

        Limited(HttpServletRequest request, int maxFrameBytes) {
            super(request);
            this.maxFrameBytes = maxFrameBytes;
        }

        @Override
        public <T extends HttpUpgradeHandler> T upgrade(Class<T> handlerClass) throws IOException, ServletException {
            T container;
            try {
                container = handlerClass.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new ServletException("Cannot create the WebSocket upgrade handler " + handlerClass, e);
            }
            super.upgrade(FrameLimitUpgrade.class).wrap(container, maxFrameBytes);
            return container;
        }
    }
}
