package io.txrx.gateway.boundary;

import io.txrx.gateway.control.Socket;
import io.txrx.jsonrpc.Call;
import java.util.List;

/**
 * Methods a gateway answers itself instead of sending them through TX, such as channel subscriptions that
 * belong to the socket. Implementations are CDI beans of the gateway module; the gateway finds them at start.
 */
public interface LocalMethods {

    boolean handles(String method);

    /**
     * Runs a call for a socket and answers the reply text, or {@code null} for a notification. Failures are
     * replies too: build them with {@code io.txrx.jsonrpc.Replies.error}.
     */
    String call(Socket socket, Call call);

    /** The socket closed: forget what belongs to it. */
    default void closed(Socket socket) {}

    /**
     * The socket was signed out from elsewhere: end what it may no longer have, and answer the channels
     * (or other names) it lost, for the {@code auth.signedOut} notification.
     */
    default List<String> signedOut(Socket socket) {
        return List.of();
    }
}
