package io.txrx.rates;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The calls this process answered since it last {@linkplain #drain() drained}, per method and outcome,
 * counted from many threads. Counting allocates nothing for a method already counted since the last drain
 * (an error code past the small-integer cache excepted); a method not counted during a whole drain period is
 * forgotten, so names a client makes up do not pile up, and at most {@code maxMethods} names are kept
 * between two drains (the rest count under {@link #OTHER}).
 */
public final class CallTally {
    /** What a call without a readable method (-32700, -32600) counts under. */
    public static final String INVALID = "(invalid)";
    /** What the calls of methods beyond {@code maxMethods} between two drains count under. */
    public static final String OTHER = "(other)";
    /** A cap on method names between two drains far above any real set of methods. */
    public static final int DEFAULT_MAX_METHODS = 1000;

    /** The calls of one method since the last drain and, of them, the errors by code. */
    public record Counts(long calls, Map<Integer, Long> errors) {
        public long errorCount() {
            return errors.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private final int maxMethods;
    private final Map<String, Tally> methods = new ConcurrentHashMap<>();

    public CallTally(int maxMethods) {
        this.maxMethods = maxMethods;
    }

    /** Counts one answered call of {@code method} ({@code null}: unreadable); {@code errorCode} 0 is success. */
    public void count(String method, int errorCode) {
        String name = method == null ? INVALID : method;
        while (true) {
            Tally tally = methods.get(name);
            if (tally == null) {
                if (methods.size() >= maxMethods && !name.equals(OTHER)) {
                    name = OTHER;
                    continue;
                }
                tally = methods.computeIfAbsent(name, n -> new Tally());
            }
            if (tally.add(errorCode, 1, 1)) {
                return;
            }
            methods.remove(name, tally); // retired by a drain meanwhile: count in a new one
        }
    }

    /** Takes what was counted since the last drain, by method; methods idle since then are forgotten. */
    public Map<String, Counts> drain() {
        Map<String, Counts> drained = new HashMap<>();
        methods.forEach((name, tally) -> {
            Counts counts = tally.takeOrRetire();
            if (counts == null) {
                methods.remove(name, tally);
            } else {
                drained.put(name, counts);
            }
        });
        return drained;
    }

    /** Puts back counts that could not be written (Redis unreachable), to go with the next drain. */
    public void restore(Map<String, Counts> counts) {
        counts.forEach((name, c) -> {
            while (true) {
                Tally tally = methods.computeIfAbsent(name, n -> new Tally());
                if (tally.addAll(c)) {
                    return;
                }
                methods.remove(name, tally);
            }
        });
    }

    /** One method's counts; retired (and never counted in again) once a drain finds it idle. */
    private static final class Tally {
        private long calls;
        private Map<Integer, Long> errors;
        private boolean retired;

        synchronized boolean add(int errorCode, long calls, long errors) {
            if (retired) {
                return false;
            }
            this.calls += calls;
            if (errorCode != 0) {
                if (this.errors == null) {
                    this.errors = new HashMap<>(4);
                }
                this.errors.merge(errorCode, errors, Long::sum);
            }
            return true;
        }

        synchronized boolean addAll(Counts counts) {
            if (retired) {
                return false;
            }
            add(0, counts.calls(), 0);
            counts.errors().forEach((code, n) -> add(code, 0, n));
            return true;
        }

        synchronized Counts takeOrRetire() {
            if (calls == 0) {
                retired = true;
                return null;
            }
            Counts counts = new Counts(calls, errors == null ? Map.of() : Map.copyOf(errors));
            calls = 0;
            if (errors != null) {
                errors.clear();
            }
            return counts;
        }
    }
}
