package io.txrx.gateway.boundary;

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
 * never reaches it: the socket's {@link FrameLimitInput} closes the socket with 1009 instead.
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
        gateway.open(session);
    }

    /** A frame whose handling fails unexpectedly is still answered: -32603 with id null, the socket open. */
    @OnMessage
    public void text(Session session, String text) {
        try {
            gateway.receive(session, text);
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
        gateway.refuseBinary(session);
    }

    @OnClose
    public void close(Session session) {
        gateway.closed(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        LOG.log(Level.FINE, "Socket {0} failed: {1}", new Object[] {session.getId(), failure.toString()});
    }
}
