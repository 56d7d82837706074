package io.txrx.benchmark;

/**
 * The run's clock, in {@link System#nanoTime()} units: calls started during the warm-up are
 * not measured, and no call starts after the measured window ends.
 */
record RunWindow(long measureFromNanos, long measureUntilNanos) {

    static RunWindow startingAt(long nowNanos, int warmupSeconds, int measureSeconds) {
        long measureFrom = nowNanos + warmupSeconds * 1_000_000_000L;
        return new RunWindow(measureFrom, measureFrom + measureSeconds * 1_000_000_000L);
    }

    boolean isMeasured(long startedNanos) {
        return startedNanos >= measureFromNanos && startedNanos < measureUntilNanos;
    }

    boolean isOver(long nowNanos) {
        return nowNanos >= measureUntilNanos;
    }
}
