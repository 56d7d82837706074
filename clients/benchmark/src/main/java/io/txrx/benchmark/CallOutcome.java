package io.txrx.benchmark;

/**
 * How one echo call ended and, for answered calls, its round trip from just before the send
 * to the arrival of the whole reply frame.
 */
record CallOutcome(Status status, long latencyNanos) {

    enum Status {
        /** The reply came back with a result carrying the payload. */
        OK,
        /** The reply was a JSON-RPC error. */
        RPC_ERROR,
        /** The reply had a result, but not the payload that was sent. */
        WRONG_ECHO,
        /** No reply within the timeout. */
        TIMEOUT,
        /** The connection closed or failed before the reply. */
        CLOSED
    }

    static CallOutcome failed(Status status) {
        return new CallOutcome(status, 0);
    }

    boolean answered() {
        return status == Status.OK || status == Status.RPC_ERROR || status == Status.WRONG_ECHO;
    }
}
