package io.txrx.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.txrx.identity.Caller;
import io.txrx.keys.Fields;
import io.txrx.rates.CallTally;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a socket receives from its gateway's RX stream: replies, batches, pushes, binds and timeouts. */
class ReplyDeliveryTest {
    private static final long TIMEOUT_MS = 30_000;

    private final SocketRegistry sockets = new SocketRegistry();
    private final PendingCalls pending = new PendingCalls();
    private final ReplyDelivery cut = new ReplyDelivery(sockets, pending, TIMEOUT_MS);
    private final FakeSession ann = socket("ann");
    private final FakeSession bob = socket("bob");

    @Test
    void aReplyGoesToTheSocketThatMadeTheCallAndASecondReplyIsDropped() {
        String call = pending.add("ann", null, 0, "1", "system.echo");

        cut.deliver(reply(call, "{\"id\":1,\"result\":\"first\"}"));
        cut.deliver(reply(call, "{\"id\":1,\"result\":\"second\"}"));

        assertEquals(List.of("{\"id\":1,\"result\":\"first\"}"), ann.sent);
        assertEquals(List.of(), bob.sent);
    }

    @Test
    void everyAnsweredCallIsCountedOnceByItsMethodAndOutcome() {
        GatewayMeter meter = GatewayMeter.unexported();
        ReplyDelivery counting = new ReplyDelivery(sockets, pending, TIMEOUT_MS, socket -> {}, meter);
        String ok = pending.add("ann", null, 0, "1", "system.echo");
        String failed = pending.add("ann", null, 0, "\"b\"", "auth.login");
        pending.add("bob", null, 0, "3", "system.sleep");

        counting.deliver(reply(ok, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"hi\"}"));
        counting.deliver(reply(ok, "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":\"hi\"}"));
        counting.deliver(
                reply(failed, "{\"jsonrpc\":\"2.0\",\"id\":\"b\",\"error\":{\"code\":-32001,\"message\":\"no\"}}"));
        counting.timeOutOldCalls(TIMEOUT_MS + 1);

        Map<String, CallTally.Counts> counted = meter.tally().drain();
        assertEquals(new CallTally.Counts(1, Map.of()), counted.get("system.echo"), "a second reply is not counted");
        assertEquals(new CallTally.Counts(1, Map.of(-32001, 1L)), counted.get("auth.login"));
        assertEquals(new CallTally.Counts(1, Map.of(-32004, 1L)), counted.get("system.sleep"));
    }

    @Test
    void aPushGoesStraightToTheSocketItNames() {
        Map<String, String> push = new HashMap<>();
        push.put(Fields.SESSION, "bob");
        push.put(Fields.MESSAGE, "{\"method\":\"news\"}");

        cut.deliver(push);

        assertEquals(List.of("{\"method\":\"news\"}"), bob.sent);
        assertEquals(List.of(), ann.sent);
    }

    @Test
    void theRepliesOfABatchGoOutAsOneArrayOnceAllHaveCome() {
        BatchReply batch = new BatchReply(2);
        String first = pending.add("ann", batch, 0, "1", "system.echo");
        String second = pending.add("ann", batch, 0, "2", "system.echo");

        cut.deliver(reply(second, "{\"id\":2}"));
        assertEquals(List.of(), ann.sent, "nothing before the batch is complete");
        cut.deliver(reply(first, "{\"id\":1}"));

        assertEquals(List.of("[{\"id\":2},{\"id\":1}]"), ann.sent);
    }

    @Test
    void aBindSignsTheSocketInBeforeTheReplyAndAnEmptyOneSignsItOut() {
        Caller caller = new Caller("7", "ann", Set.of("user"), "s1");
        Map<String, String> signIn =
                reply(pending.add("ann", null, 0, "1", "system.echo"), "{\"id\":1,\"result\":\"ok\"}");
        signIn.put(Fields.BIND, caller.toJson());

        cut.deliver(signIn);

        Socket socket = sockets.get("ann");
        assertEquals(caller, socket.caller());
        assertEquals(caller.toJson(), socket.callerJson());
        assertEquals(1, ann.sent.size());

        Map<String, String> signOut =
                reply(pending.add("ann", null, 0, "2", "system.echo"), "{\"id\":2,\"result\":\"bye\"}");
        signOut.put(Fields.BIND, "");
        cut.deliver(signOut);

        assertNull(socket.caller());
        assertNull(socket.callerJson());
        assertEquals(2, ann.sent.size());
    }

    @Test
    void aSocketItsOwnCallSignedOutLosesWhatASignedOutSocketMayNotHave() {
        List<Socket> signedOut = new ArrayList<>();
        ReplyDelivery withHook =
                new ReplyDelivery(sockets, pending, TIMEOUT_MS, signedOut::add, GatewayMeter.unexported());
        Socket socket = sockets.get("ann");
        socket.bind(new Caller("7", "ann", Set.of("user"), "s1").toJson());
        Map<String, String> signOut =
                reply(pending.add("ann", null, 0, "1", "system.echo"), "{\"id\":1,\"result\":true}");
        signOut.put(Fields.BIND, "");

        withHook.deliver(signOut);

        assertEquals(List.of(socket), signedOut);
        assertNull(socket.caller());
    }

    @Test
    void aMalformedBindLeavesTheCallerAsItWasAndTheReplyStillGoesOut() {
        Caller caller = new Caller("7", "ann", Set.of("user"), "s1");
        sockets.get("ann").bind(caller.toJson());
        Map<String, String> bad =
                reply(pending.add("ann", null, 0, "1", "system.echo"), "{\"id\":1,\"result\":\"ok\"}");
        bad.put(Fields.BIND, "not json");

        cut.deliver(bad);

        assertEquals(caller, sockets.get("ann").caller());
        assertEquals(List.of("{\"id\":1,\"result\":\"ok\"}"), ann.sent);
    }

    @Test
    void callsPendingPastTheTimeoutAreAnsweredUnavailableWithTheirOwnId() {
        pending.add("ann", null, 1_000, "\"a-1\"", "system.echo");
        pending.add("bob", null, 20_000, "2", "system.echo");

        cut.timeOutOldCalls(1_000 + TIMEOUT_MS + 1);

        assertEquals(
                List.of("{\"jsonrpc\":\"2.0\",\"id\":\"a-1\",\"error\":{\"code\":-32004,"
                        + "\"message\":\"Call timed out after 30000 ms\"}}"),
                ann.sent);
        assertEquals(List.of(), bob.sent, "a younger call still waits");
    }

    @Test
    void callsSentBeforeRedisLostItsDataAreAnsweredLostAtOnceAndTheirLateRepliesDropped() {
        String lost = pending.add("ann", null, 1_000, "7", "system.echo");
        String after = pending.add("bob", null, 5_000, "8", "system.echo");

        assertEquals(1, cut.failLostCalls(4_000));
        cut.deliver(reply(lost, "{\"id\":7,\"result\":\"late\"}"));
        cut.deliver(reply(after, "{\"id\":8,\"result\":\"fine\"}"));

        assertEquals(
                List.of("{\"jsonrpc\":\"2.0\",\"id\":7,\"error\":{\"code\":-32007,"
                        + "\"message\":\"Call lost: Redis lost its data (restarted without persistence?)\"}}"),
                ann.sent);
        assertEquals(List.of("{\"id\":8,\"result\":\"fine\"}"), bob.sent, "a call sent after the loss is answered");
    }

    @Test
    void aReplyToASocketThatHasClosedIsDroppedQuietly() {
        String call = pending.add("ann", null, 0, "1", "system.echo");
        sockets.remove("ann");
        bob.open = false;
        String toBob = pending.add("bob", null, 0, "2", "system.echo");

        cut.deliver(reply(call, "{\"id\":1}"));
        cut.deliver(reply(toBob, "{\"id\":2}"));

        assertEquals(List.of(), ann.sent);
        assertEquals(List.of(), bob.sent);
    }

    private FakeSession socket(String id) {
        FakeSession session = new FakeSession(id);
        sockets.add(new Socket(session.session, new RateLimit(10, 10, 0), new SendQueue(100, 1 << 20)));
        return session;
    }

    private static Map<String, String> reply(String call, String message) {
        Map<String, String> fields = new HashMap<>();
        fields.put(Fields.CALL, call);
        fields.put(Fields.MESSAGE, message);
        return fields;
    }
}
