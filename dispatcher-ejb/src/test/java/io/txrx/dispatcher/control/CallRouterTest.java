package io.txrx.dispatcher.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.keys.StreamKeys;
import io.txrx.metrics.LatencyHistogram;
import io.txrx.p2p.boundary.Routes;
import io.txrx.tracing.CallTracing;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

class CallRouterTest {
    private static final long T0 = 1_700_000_000_000L;
    private final Map<String, String> streams = new HashMap<>();
    private long knownSince = 0;
    private final Routes routes = new Routes() {
        @Override
        public Optional<String> streamFor(String method) {
            return Optional.ofNullable(streams.get(method));
        }

        @Override
        public Map<String, String> methods() {
            return Map.of();
        }

        @Override
        public long version() {
            return 0;
        }

        @Override
        public long knownSince() {
            return knownSince;
        }
    };
    private final CallRouter cut = new CallRouter(routes, StreamKeys.withPrefix("t:"), 5000);

    private static StreamEntry call(long time, String method, String cid) {
        String msg = "{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"method\":\"" + method + "\"}";
        Map<String, String> fields = cid == null
                ? Map.of("gw", "gw1", "sid", "s1", "method", method, "msg", msg)
                : Map.of("gw", "gw1", "sid", "s1", "cid", cid, "method", method, "msg", msg);
        return new StreamEntry(new StreamEntryID(time, 0), fields);
    }

    @Test
    void aRoutedCallIsForwardedAndAcked() {
        streams.put("system.ping", "t:rpc:system");
        RoutingPlan plan = cut.plan(List.of(call(T0, "system.ping", "1")), T0);
        assertEquals("t:rpc:system", plan.appends().get(0).stream());
        assertEquals(List.of(new StreamEntryID(T0, 0)), plan.acks());
    }

    @Test
    void aForwardedCallCarriesWhenItWasForwardedAndItsWaitIsMeasured() {
        streams.put("system.ping", "t:rpc:system");
        LatencyHistogram waited = new LatencyHistogram();
        CallRouter measuring = new CallRouter(routes, StreamKeys.withPrefix("t:"), 5000, waited, CallTracing.off());
        Map<String, String> fields = new HashMap<>(call(T0, "system.ping", "1").getFields());
        fields.put("ts", Long.toString(T0 - 7));

        RoutingPlan plan = measuring.plan(List.of(new StreamEntry(new StreamEntryID(T0, 0), fields)), T0 + 3);

        assertEquals(Long.toString(T0 + 3), plan.appends().get(0).fields().get("dts"));
        assertEquals("1", plan.appends().get(0).fields().get("cid"), "the call's own fields go along");
        assertEquals(1, waited.count());
        assertEquals(0.010, waited.sumSeconds(), 1e-9, "10 ms between the gateway's write and the forward");
    }

    @Test
    void anUnroutedCallIsHeldWithinTheGrace() {
        RoutingPlan plan = cut.plan(List.of(call(T0, "nope.x", "1")), T0 + 4999);
        assertTrue(plan.acks().isEmpty(), "the call stays pending");
        assertTrue(plan.appends().isEmpty(), "neither forwarded nor answered yet");
    }

    @Test
    void afterTheGraceTheCallerGetsMethodNotFoundWithItsId() {
        RoutingPlan plan = cut.plan(List.of(call(T0, "nope.x", "7")), T0 + 5000);
        RoutingPlan.Append reply = plan.appends().get(0);
        assertEquals("t:rx:gw1", reply.stream());
        assertEquals("7", reply.fields().get("cid"));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"error\":{\"code\":-32601,\"message\":\"Method not found: nope.x\"}}",
                reply.fields().get("msg"));
        assertEquals(1, plan.acks().size());
    }

    @Test
    void anUnroutedNotificationIsDroppedSilentlyAfterTheGrace() {
        RoutingPlan plan = cut.plan(List.of(call(T0, "nope.x", null)), T0 + 6000);
        assertTrue(plan.appends().isEmpty());
        assertEquals(1, plan.acks().size());
    }

    @Test
    void anOldCallIsHeldUntilTheGraceHasPassedSinceTheRoutesCouldBeKnown() {
        knownSince = T0 + 60_000; // a dispatcher started a minute after the call was written
        RoutingPlan plan = cut.plan(List.of(call(T0, "system.echo", "1")), T0 + 60_000 + 4999);
        assertTrue(plan.appends().isEmpty(), "not judged before the peers had the grace to share");
        assertTrue(plan.acks().isEmpty(), "the call stays pending");

        plan = cut.plan(List.of(call(T0, "nope.x", "1")), T0 + 60_000 + 5000);
        assertEquals(1, plan.acks().size(), "judged once the grace has passed since the init");
    }

    @Test
    void aDispatcherThatHasNotAskedForRoutesJudgesNothing() {
        knownSince = Long.MAX_VALUE;
        RoutingPlan plan = cut.plan(List.of(call(T0, "nope.x", "1")), T0 + 3_600_000);
        assertTrue(plan.acks().isEmpty());
    }
}
