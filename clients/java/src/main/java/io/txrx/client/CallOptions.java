package io.txrx.client;

import java.time.Duration;

/**
 * How one call is made: its timeout ({@code null}: the client's default) and whether a call cut off by a lost
 * socket is sent again on the next one (the server may then run it twice).
 */
public record CallOptions(Duration timeout, boolean retry) {

    /** The client's default timeout, no retry. */
    public static final CallOptions DEFAULT = new CallOptions(null, false);

    public static CallOptions retrying() {
        return new CallOptions(null, true);
    }

    public static CallOptions timeout(Duration timeout) {
        return new CallOptions(timeout, false);
    }

    public CallOptions withTimeout(Duration timeout) {
        return new CallOptions(timeout, retry);
    }

    public CallOptions withRetry() {
        return new CallOptions(timeout, true);
    }
}
