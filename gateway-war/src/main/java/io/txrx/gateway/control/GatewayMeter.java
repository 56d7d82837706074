package io.txrx.gateway.control;

import io.txrx.keys.Fields;
import io.txrx.metrics.LatencyHistogram;
import io.txrx.metrics.Meters;
import io.txrx.metrics.OutcomeCounters;
import io.txrx.rates.CallTally;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Tag;

/**
 * What a gateway counts: every answered call by method and outcome (for {@code /metrics} and, through the
 * {@link CallTally}, for {@code admin.rates}), the latency of a whole call and of its last hop (rpc instance to
 * gateway, from the reply entry's timestamp), frames in and out, what it refused, and (read when scraped)
 * its open sockets and their channel subscriptions. Every counter is taken once, so counting allocates
 * nothing.
 */
public final class GatewayMeter {
    /** Why the gateway refused a call, a frame or a socket. */
    public enum Refusal {
        /** A call over the socket's rate (-32005). */
        RATE_LIMITED,
        /** A frame over {@code txrx.gateway.max-frame-bytes}: the socket closed with 1009. */
        TOO_BIG,
        /** Too many invalid frames in a row: the socket closed with 1008. */
        INVALID_FRAMES,
        /** A binary frame (-32600). */
        BINARY,
        /** A socket over {@code txrx.gateway.max-sockets}: closed with 1013. */
        GATEWAY_FULL,
        /** A client that reads too slowly: closed with 1008. */
        TOO_SLOW;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final CallTally tally = new CallTally(CallTally.DEFAULT_MAX_METHODS);
    private final OutcomeCounters calls;
    private final LatencyHistogram wholeCall = new LatencyHistogram();
    private final LatencyHistogram fromRpc = new LatencyHistogram();
    private final Counter framesIn;
    private final Counter framesOut;
    private final Map<Refusal, Counter> refused = new EnumMap<>(Refusal.class);

    public GatewayMeter(Meters meters, Supplier<Number> openSockets, Supplier<Number> subscriptions) {
        calls = new OutcomeCounters(
                meters,
                "txrx_calls",
                "Calls answered by this gateway, by method and outcome (ok or the JSON-RPC error code)",
                CallTally.DEFAULT_MAX_METHODS);
        meters.hop("call", wholeCall);
        meters.hop("rpc_gateway", fromRpc);
        framesIn = meters.counter("txrx_frames_in", "Frames received from clients");
        framesOut = meters.counter("txrx_frames_out", "Frames queued to clients");
        for (Refusal refusal : Refusal.values()) {
            refused.put(
                    refusal,
                    meters.counter(
                            "txrx_refused",
                            "Calls, frames and sockets the gateway refused, by reason",
                            new Tag("reason", refusal.label())));
        }
        meters.gauge("txrx_sockets_open", "Open WebSockets on this gateway", openSockets);
        meters.gauge(
                "txrx_channel_subscriptions",
                "Channel subscriptions of the sockets on this gateway (a socket on two channels counts twice)",
                subscriptions);
    }

    /** A meter exported nowhere (unit tests). */
    public static GatewayMeter unexported() {
        return new GatewayMeter(Meters.none(), () -> 0, () -> 0);
    }

    /** One call answered, of {@code method} ({@code null}: unreadable), with {@code errorCode} (0: ok). */
    public void answered(String method, int errorCode) {
        tally.count(method, errorCode);
        calls.count(method, errorCode);
    }

    /**
     * A reply arrived at {@code nowMs} for a call sent at {@code sentAtMs}; {@code repliedAt} is the reply
     * entry's timestamp (epoch ms as text), or {@code null} when an rpc instance did not write it.
     */
    public void replied(long sentAtMs, String repliedAt, long nowMs) {
        wholeCall.observe(nowMs - sentAtMs);
        fromRpc.observeSince(Fields.stampMs(repliedAt, -1), nowMs);
    }

    public void frameIn() {
        framesIn.inc();
    }

    public void frameOut() {
        framesOut.inc();
    }

    public void refused(Refusal refusal) {
        refused.get(refusal).inc();
    }

    /** The counts {@code admin.rates} gets, drained each second. */
    public CallTally tally() {
        return tally;
    }
}
