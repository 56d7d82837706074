package io.txrx.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The spans of a call on one hop, their parent read from the W3C {@code traceparent} the hop before wrote into
 * the stream entry, and the {@code traceparent} this hop writes for the next. Off unless the process's
 * OpenTelemetry SDK is on ({@code otel.sdk.disabled=false}): then {@link #on()} is false, and callers create
 * nothing at all, so tracing that is off costs one boolean test per call.
 */
public final class CallTracing {
    private static final String TRACEPARENT = "traceparent";
    private static final TextMapGetter<String> ONE_HEADER = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(String carrier) {
            return List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    private CallTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    public static CallTracing off() {
        return new CallTracing(null);
    }

    /**
     * Tracing with {@code tracer}, when the SDK is switched on ({@code otel.sdk.disabled=false}, the setting
     * Payara reads) and the tracer records, which a probe span (never ended, so never exported) tells. The
     * setting is read here too because, with it unset, Payara hands out an SDK without span processors: its
     * tracer makes valid spans that go nowhere, and each would cost the call path for nothing.
     */
    public static CallTracing of(Tracer tracer) {
        boolean switchedOn = !ConfigProvider.getConfig()
                .getOptionalValue("otel.sdk.disabled", Boolean.class)
                .orElse(true);
        boolean records = switchedOn
                && tracer.spanBuilder("txrx probe").startSpan().getSpanContext().isValid();
        return new CallTracing(records ? tracer : null);
    }

    public boolean on() {
        return tracer != null;
    }

    /**
     * Starts a span, the child of {@code traceparent} (a new trace when {@code null} or malformed), begun at
     * {@code startMs} (epoch ms; 0 for now), so a span can cover the time a call waited in a stream.
     */
    public Span start(String name, SpanKind kind, String traceparent, long startMs) {
        Context parent = traceparent == null
                ? Context.root()
                : W3CTraceContextPropagator.getInstance().extract(Context.root(), traceparent, ONE_HEADER);
        SpanBuilder span = tracer.spanBuilder(name).setParent(parent).setSpanKind(kind);
        if (startMs > 0) {
            span.setStartTimestamp(startMs, TimeUnit.MILLISECONDS);
        }
        return span.startSpan();
    }

    /** The W3C {@code traceparent} of {@code span}, for the next hop. */
    public static String traceparent(Span span) {
        SpanContext context = span.getSpanContext();
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-"
                + context.getTraceFlags().asHex();
    }

    /** Ends a span; a call answered with an error marks it failed with the code. */
    public static void end(Span span, int errorCode) {
        if (errorCode != 0) {
            span.setStatus(StatusCode.ERROR, Integer.toString(errorCode));
            span.setAttribute("rpc.jsonrpc.error_code", errorCode);
        }
        span.end();
    }
}
