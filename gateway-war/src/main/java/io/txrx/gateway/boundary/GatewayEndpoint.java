package io.txrx.gateway.boundary;

import io.txrx.gateway.control.ContextLoader;
import io.txrx.gateway.control.IdleTimer;
import io.txrx.gateway.control.Sockets;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.Replies;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The client-facing WebSocket at {@code /ws}: JSON-RPC 2.0 in UTF-8 text frames. A frame over the size limit
 * never reaches it: the socket's {@link FrameLimitInput} closes the socket with 1009 instead. The container
 * calls it from frame handling that runs without the application's class loader ({@link FrameLimitInput}), so
 * each callback gives it back.
 */
@ServerEndpoint(value = "/ws", configurator = OriginCheck.class)
public class GatewayEndpoint {
    private static final Logger LOG = Logger.getLogger(GatewayEndpoint.class.getName());

    @Inject
    Gateway gateway;

    @OnOpen
    public void open(Session session) {
        FrameLimitInput limit = FrameLimitUpgrade.opening();
        if (limit != null) {
            limit.whenTooBig(() -> gateway.closeTooBig(session));
        }
        IdleTimer.skipWithoutTimeout(session);
        gateway.open(session);
    }

    /** A frame whose handling fails unexpectedly is still answered: -32603 with id null, the socket open. */
    @OnMessage
    public void text(Session session, String text) {
        try {
            ContextLoader.inApplication(() -> gateway.receive(session, text));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "A frame of socket " + session.getId() + " failed", e);
            Sockets.send(
                    session,
                    Replies.error(JsonValue.NULL, ErrorCode.INTERNAL_ERROR, "Internal error", null),
                    result -> {});
        }
    }

    @OnMessage
    public void binary(Session session, ByteBuffer data) {
        ContextLoader.inApplication(() -> gateway.refuseBinary(session));
    }

    @OnClose
    public void close(Session session) {
        ContextLoader.inApplication(() -> gateway.closed(session));
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "Socket {0} failed: {1}", new Object[] {session.getId(), failure.toString()});
    }
}
