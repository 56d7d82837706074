package io.txrx.benchmark;

/** A {@code /metrics} scrape that gave no usable hop times; the message says why, for one line of output. */
final class ScrapeException extends Exception {

    private static final long serialVersionUID = 1L;

    ScrapeException(String message) {
        super(message);
    }
}
