package io.txrx.gateway.control;

/** A token bucket: {@code perSecond} calls a second on average, up to {@code burst} at once. */
public final class RateLimit {
    private final double perMs;
    private final double burst;
    private double tokens;
    private long lastMs;

    public RateLimit(int perSecond, int burst, long nowMs) {
        this.perMs = perSecond / 1000.0;
        this.burst = burst;
        this.tokens = burst;
        this.lastMs = nowMs;
    }

    /** Takes {@code calls} tokens if there are enough; answers whether it did. */
    public synchronized boolean tryTake(int calls, long nowMs) {
        tokens = Math.min(burst, tokens + (nowMs - lastMs) * perMs);
        lastMs = nowMs;
        if (tokens < calls) {
            return false;
        }
        tokens -= calls;
        return true;
    }
}
