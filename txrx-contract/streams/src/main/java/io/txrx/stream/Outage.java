package io.txrx.stream;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether one loop (or writer) is failing, and the log of it: one warning when an outage begins, the failures
 * that follow at FINE, and one line when it is over, with how long it lasted and how many attempts failed.
 */
public final class Outage {
    private static final Logger LOG = Logger.getLogger(Outage.class.getName());

    private final String name;
    private volatile long sinceMs;
    private int failures;

    public Outage(String name) {
        this.name = name;
    }

    /** An attempt failed; answers whether this began an outage. */
    public boolean failed(Exception failure, long nowMs) {
        failures++;
        if (sinceMs != 0) {
            LOG.log(Level.FINE, "{0} still failing: {1}", new Object[] {name, failure.toString()});
            return false;
        }
        sinceMs = nowMs;
        LOG.log(Level.WARNING, "{0} failed, retrying until it works: {1}", new Object[] {name, failure.toString()});
        return true;
    }

    /** An attempt worked; answers whether this ended an outage. */
    public boolean succeeded(long nowMs) {
        if (sinceMs == 0) {
            return false;
        }
        LOG.log(Level.INFO, "{0} recovered after {1} ms and {2} failed attempt(s)", new Object[] {
            name, nowMs - sinceMs, failures
        });
        sinceMs = 0;
        failures = 0;
        return true;
    }

    /** Whether the last attempt failed. */
    public boolean ongoing() {
        return sinceMs != 0;
    }

    /** When the outage at hand began (epoch ms), or 0 when there is none. */
    public long sinceMs() {
        return sinceMs;
    }
}
