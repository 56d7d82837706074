package io.txrx.rpc.boundary;

import io.txrx.identity.Caller;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The call a handler is running for: who is calling (as the gateway stamped it on the call, never as the
 * client claims), from which connection, and a way to bind a caller to (or unbind it from) that socket
 * when the reply is delivered. Inject it into a handler; it reads the current call of the thread.
 */
@ApplicationScoped
public class CallContext {
    private static final ThreadLocal<Current> CURRENT = new ThreadLocal<>();

    /** The state of one running call; the rpc layer opens and closes it around the handler. */
    public static final class Current implements AutoCloseable {
        private final Caller caller;
        private final String connection;
        private String bind;

        private Current(Caller caller, String connection) {
            this.caller = caller;
            this.connection = connection;
        }

        /** The caller to bind as JSON, {@code ""} to unbind, or {@code null} to leave the socket as it is. */
        public String bind() {
            return bind;
        }

        @Override
        public void close() {
            CURRENT.remove();
        }
    }

    /** For the rpc layer: makes {@code caller} (may be null) and the connection current on this thread. */
    public static Current open(Caller caller, String connection) {
        Current current = new Current(caller, connection);
        CURRENT.set(current);
        return current;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(current().caller);
    }

    /** The caller, or -32001 when the socket is not signed in. */
    public Caller requireCaller() {
        return caller().orElseThrow(() -> new JsonRpcException(ErrorCode.UNAUTHORIZED, "Sign in first"));
    }

    /** Identifies the calling socket ({@code gateway/session}), e.g. for per-connection limits. */
    public String connection() {
        return current().connection;
    }

    /** After this call's reply, later calls on the socket carry {@code caller}. */
    public void bind(Caller caller) {
        current().bind = caller.toJson();
    }

    /** After this call's reply, the socket is no longer signed in. */
    public void unbind() {
        current().bind = "";
    }

    private static Current current() {
        Current current = CURRENT.get();
        if (current == null) {
            throw new IllegalStateException("No call is running on this thread");
        }
        return current;
    }
}
