package io.txrx.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Calls by {@code method} and {@code outcome} ({@code ok} or the error code), as the counter
 * {@code <name>_total}; each counter is looked up once and kept, so counting a call allocates nothing (an
 * error code outside the small-integer cache excepted). A client can invent method names, so past
 * {@code maxMethods} names the rest count under {@code (other)}; calls without a readable method count under
 * {@code (invalid)}.
 */
public final class OutcomeCounters {
    public static final String INVALID = "(invalid)";
    public static final String OTHER = "(other)";

    private final Meters meters;
    private final String name;
    private final String help;
    private final int maxMethods;
    private final Map<String, Outcomes> methods = new ConcurrentHashMap<>();

    public OutcomeCounters(Meters meters, String name, String help, int maxMethods) {
        this.meters = meters;
        this.name = name;
        this.help = help;
        this.maxMethods = maxMethods;
    }

    /** Counts one call of {@code method} ({@code null}: unreadable) with {@code errorCode} (0: ok). */
    public void count(String method, int errorCode) {
        String key = method == null ? INVALID : method;
        Outcomes outcomes = methods.get(key);
        if (outcomes == null) {
            outcomes = methods.computeIfAbsent(methods.size() >= maxMethods ? OTHER : key, Outcomes::new);
        }
        outcomes.of(errorCode).inc();
    }

    private final class Outcomes {
        private final String method;
        private final Counter ok;
        private final Map<Integer, Counter> errors = new ConcurrentHashMap<>();

        Outcomes(String method) {
            this.method = method;
            this.ok = meters.counter(name, help, new Tag("method", method), new Tag("outcome", "ok"));
        }

        Counter of(int errorCode) {
            if (errorCode == 0) {
                return ok;
            }
            Counter counter = errors.get(errorCode);
            return counter != null
                    ? counter
                    : errors.computeIfAbsent(
                            errorCode,
                            code -> meters.counter(
                                    name, help, new Tag("method", method), new Tag("outcome", code.toString())));
        }
    }
}
