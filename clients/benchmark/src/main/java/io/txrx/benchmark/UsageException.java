package io.txrx.benchmark;

/** A command line the benchmark cannot run with; the message says which option is wrong. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
