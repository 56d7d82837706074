package io.txrx.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.txrx.identity.Caller;
import io.txrx.keys.Fields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Pushes addressed to a user, and the first and last socket of a user on this gateway. */
class UserSocketsTest {
    private final SocketRegistry sockets = new SocketRegistry();
    private final PendingCalls pending = new PendingCalls();
    private final ReplyDelivery delivery = new ReplyDelivery(sockets, pending, 30_000);
    private final List<String> events = new ArrayList<>();
    private final FakeSession annPhone = socket("ann-phone");
    private final FakeSession annLaptop = socket("ann-laptop");
    private final FakeSession bob = socket("bob");

    UserSocketsTest() {
        sockets.users().listen(new UserSockets.Listener() {
            @Override
            public void joined(String user) {
                events.add("+" + user);
            }

            @Override
            public void left(String user) {
                events.add("-" + user);
            }
        });
    }

    @Test
    void aUserPushReachesEverySocketOfTheUserButTheOneLeftOut() {
        signIn("ann-phone", "Ann");
        signIn("ann-laptop", "Ann");
        signIn("bob", "bob");

        Map<String, String> push = new HashMap<>();
        push.put(Fields.TO_USER, "ann");
        push.put(Fields.EXCEPT_SESSION, "ann-laptop");
        push.put(Fields.MESSAGE, "{\"method\":\"chat.message\"}");
        delivery.deliver(push);
        push.remove(Fields.EXCEPT_SESSION);
        delivery.deliver(push);

        assertEquals(
                2,
                annPhone.sent.stream().filter(m -> m.contains("chat.message")).count());
        assertEquals(
                1,
                annLaptop.sent.stream().filter(m -> m.contains("chat.message")).count());
        assertEquals(
                0, bob.sent.stream().filter(m -> m.contains("chat.message")).count());
    }

    @Test
    void aUserJoinsWithTheFirstSocketAndLeavesWithTheLast() {
        signIn("ann-phone", "Ann");
        signIn("ann-laptop", "Ann");
        assertEquals(List.of("+ann"), events);

        sockets.remove("ann-phone");
        assertEquals(List.of("+ann"), events, "the laptop is still open");
        annLaptop.open = false;
        sockets.users().recount(sockets);
        assertEquals(List.of("+ann", "-ann"), events, "a closed socket counts no more");
    }

    @Test
    void aSocketThatClosedWhileItsSignInWasDeliveredIsForgottenAtTheNextRecount() {
        Socket closing = sockets.get("bob");
        sockets.remove("bob");
        closing.bind(new Caller("id-bob", "bob", Set.of("user"), "1").toJson());
        sockets.users().update(closing); // the reply was delivered to the socket just removed
        assertEquals(List.of("+bob"), events);

        sockets.users().recount(sockets);

        assertEquals(List.of("+bob", "-bob"), events);
    }

    @Test
    void signingOutOrInAsSomeoneElseMovesTheSocket() {
        signIn("bob", "bob");
        signIn("bob", "carol");
        unbind("bob");
        assertEquals(List.of("+bob", "-bob", "+carol", "-carol"), events);
        assertEquals(List.of(), sockets.users().users());
    }

    private void signIn(String session, String name) {
        reply(session, new Caller("id-" + name, name, Set.of("user"), "1").toJson());
    }

    private void unbind(String session) {
        reply(session, "");
    }

    private void reply(String session, String bind) {
        String call = pending.add(session, null, 0, "1", "system.echo");
        Map<String, String> fields = new HashMap<>();
        fields.put(Fields.CALL, call);
        fields.put(Fields.MESSAGE, "{\"id\":1,\"result\":true}");
        fields.put(Fields.BIND, bind);
        delivery.deliver(fields);
    }

    private FakeSession socket(String id) {
        FakeSession session = new FakeSession(id);
        sockets.add(new Socket(session.session, new RateLimit(10, 10, 0), new SendQueue(100, 1 << 20)));
        return session;
    }
}
