package io.txrx.gateway.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.txrx.identity.Caller;
import io.txrx.identity.SignOut;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which of a gateway's sockets a sign-out reaches, and what each of them is told. */
class SignOutDeliveryTest {
    private static final String GATEWAY = "gw-1";
    private static final String SIGNED_OUT_BY_LOGOUT =
            "{\"jsonrpc\":\"2.0\",\"method\":\"auth.signedOut\",\"params\":{\"reason\":\"logout\",\"unsubscribed\":[]}}";

    private final SocketRegistry sockets = new SocketRegistry();
    private final Map<Socket, FakeSession> sessions = new HashMap<>();
    private final SignOutDelivery cut = new SignOutDelivery(sockets, GATEWAY, socket -> List.of());

    private Socket socket(String id, Caller caller) {
        FakeSession session = new FakeSession(id);
        Socket socket = new Socket(session.session, new RateLimit(10, 10, 0), new SendQueue(100, 1 << 20));
        if (caller != null) {
            socket.bind(caller.toJson());
        }
        sockets.add(socket);
        sessions.put(socket, session);
        return socket;
    }

    private static Caller ann(String session) {
        return new Caller("42", "ann", Set.of("user"), session);
    }

    private List<String> sent(Socket socket) {
        return sessions.get(socket).sent;
    }

    @Test
    void aLogoutSignsOutTheOtherSocketsOfThatSessionAndTellsThem() {
        Socket caller = socket("s1", ann("7"));
        Socket sameSession = socket("s2", ann("7"));
        Socket otherSession = socket("s3", ann("8"));
        Socket anonymous = socket("s4", null);

        assertEquals(1, cut.apply(SignOut.logout("7", GATEWAY + "/s1")));

        assertNull(sameSession.caller());
        assertEquals(List.of(SIGNED_OUT_BY_LOGOUT), sent(sameSession));
        assertNotNull(caller.caller(), "the calling socket is signed out by its own reply");
        assertEquals(List.of(), sent(caller));
        assertNotNull(otherSession.caller());
        assertEquals(List.of(), sent(otherSession));
        assertEquals(List.of(), sent(anonymous));
    }

    @Test
    void aSocketOnAnotherGatewayWithTheOriginsIdIsStillSignedOut() {
        Socket sameIdElsewhere = socket("s1", ann("7"));

        assertEquals(1, cut.apply(SignOut.logout("7", "gw-2/s1")));
        assertNull(sameIdElsewhere.caller());
    }

    @Test
    void disablingSignsOutEverySocketOfTheUserOnly() {
        Socket first = socket("s1", ann("7"));
        Socket second = socket("s2", ann("8"));
        Socket bob = socket("s3", new Caller("43", "bob", Set.of("user"), "9"));

        sockets.all().forEach(sockets.users()::update);
        assertEquals(2, sockets.users().of("ann").size(), "ann is online with two sockets");

        assertEquals(2, cut.apply(SignOut.disabled("42")));

        assertEquals(List.of(), sockets.users().of("ann"), "ann is no longer online on this gateway");

        assertNull(first.caller());
        assertNull(second.caller());
        assertEquals("43", bob.caller().id());
    }

    @Test
    void aChangedPasswordKeepsTheSessionThatChangedIt() {
        Socket changer = socket("s1", ann("7"));
        Socket changersOtherSocket = socket("s2", ann("7"));
        Socket otherSession = socket("s3", ann("8"));

        assertEquals(1, cut.apply(SignOut.passwordChanged("42", "7", GATEWAY + "/s1")));

        assertNotNull(changer.caller());
        assertNotNull(changersOtherSocket.caller());
        assertNull(otherSession.caller());
    }

    @Test
    void theNotificationNamesWhatTheSocketLost() {
        Socket socket = socket("s1", ann("7"));
        SignOutDelivery withChannels = new SignOutDelivery(sockets, GATEWAY, s -> List.of("user:42"));

        withChannels.apply(SignOut.disabled("42"));

        assertEquals(
                List.of("{\"jsonrpc\":\"2.0\",\"method\":\"auth.signedOut\",\"params\":{\"reason\":\"disabled\","
                        + "\"unsubscribed\":[\"user:42\"]}}"),
                sent(socket));
    }
}
