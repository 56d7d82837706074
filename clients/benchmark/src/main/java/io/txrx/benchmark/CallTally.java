package io.txrx.benchmark;

/**
 * Counts of measured calls by outcome plus the latency histogram of the successful ones.
 * One per client thread while running, added together for the report. Not thread-safe.
 */
final class CallTally {

    private final long[] counts = new long[CallOutcome.Status.values().length];
    private final LatencyHistogram latencies = new LatencyHistogram();
    private long lastAnsweredNanos = Long.MIN_VALUE;

    void record(CallOutcome outcome, long endedNanos) {
        counts[outcome.status().ordinal()]++;
        if (outcome.status() == CallOutcome.Status.OK) {
            latencies.record(outcome.latencyNanos());
        }
        if (outcome.answered()) {
            lastAnsweredNanos = Math.max(lastAnsweredNanos, endedNanos);
        }
    }

    void add(CallTally other) {
        for (int i = 0; i < counts.length; i++) {
            counts[i] += other.counts[i];
        }
        latencies.add(other.latencies);
        lastAnsweredNanos = Math.max(lastAnsweredNanos, other.lastAnsweredNanos);
    }

    long count(CallOutcome.Status status) {
        return counts[status.ordinal()];
    }

    long ok() {
        return count(CallOutcome.Status.OK);
    }

    long errors() {
        long errors = 0;
        for (CallOutcome.Status status : CallOutcome.Status.values()) {
            errors += status == CallOutcome.Status.OK ? 0 : count(status);
        }
        return errors;
    }

    LatencyHistogram latencies() {
        return latencies;
    }

    /** When the last answered call ended, or {@link Long#MIN_VALUE} if none was. */
    long lastAnsweredNanos() {
        return lastAnsweredNanos;
    }
}
