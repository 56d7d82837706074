package io.txrx.benchmark;

/** A client could not open its WebSocket; the message names the gateway and the reason. */
final class GatewayUnreachableException extends Exception {

    private static final long serialVersionUID = 1L;

    GatewayUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
