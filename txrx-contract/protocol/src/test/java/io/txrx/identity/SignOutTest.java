package io.txrx.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which sockets a sign-out reaches, by the caller bound to each. */
class SignOutTest {
    private final Caller annOnSession7 = new Caller("42", "ann", Set.of("user"), "7");
    private final Caller annOnSession8 = new Caller("42", "ann", Set.of("user"), "8");
    private final Caller bobOnSession9 = new Caller("43", "bob", Set.of("user"), "9");

    @Test
    void aLogoutReachesEverySocketOfThatSessionOnly() {
        SignOut logout = SignOut.logout("7", "gw-1/s1");
        assertTrue(logout.matches(annOnSession7));
        assertFalse(logout.matches(annOnSession8), "the same user's other session stays signed in");
        assertFalse(logout.matches(bobOnSession9));
        assertFalse(logout.matches(null), "an anonymous socket has nothing to sign out");
    }

    @Test
    void disablingReachesEverySocketOfTheUser() {
        SignOut disabled = SignOut.disabled("42");
        assertTrue(disabled.matches(annOnSession7));
        assertTrue(disabled.matches(annOnSession8));
        assertFalse(disabled.matches(bobOnSession9));
    }

    @Test
    void aChangedPasswordKeepsTheSessionThatChangedIt() {
        SignOut changed = SignOut.passwordChanged("42", "7", "gw-1/s1");
        assertFalse(changed.matches(annOnSession7), "the session that changed the password stays");
        assertTrue(changed.matches(annOnSession8));
        assertFalse(changed.matches(bobOnSession9));
    }

    @Test
    void theOriginIsTheCallingSocket() {
        SignOut logout = SignOut.logout("7", "gw-1/s1");
        assertTrue(logout.isOrigin("gw-1", "s1"));
        assertFalse(logout.isOrigin("gw-2", "s1"));
        assertFalse(SignOut.disabled("42").isOrigin("gw-1", "s1"));
    }

    @Test
    void roundTripsThroughStreamFields() {
        SignOut changed = SignOut.passwordChanged("42", "7", "gw-1/s1");
        Map<String, String> fields = changed.toFields(1000);
        assertEquals("passwordChanged", fields.get("reason"));
        assertEquals(changed, SignOut.fromFields(fields));
    }

    @Test
    void anEntryThatNamesNobodyOrNoReasonIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SignOut.fromFields(Map.of("reason", "logout")));
        assertThrows(IllegalArgumentException.class, () -> SignOut.fromFields(Map.of("reason", "x", "user", "42")));
        assertThrows(IllegalArgumentException.class, () -> SignOut.fromFields(Map.of("user", "42")));
    }

    @Test
    void theNotificationIsAJsonRpcNotification() {
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"method\":\"auth.signedOut\",\"params\":{\"reason\":\"disabled\","
                        + "\"unsubscribed\":[\"user:42\"]}}",
                SignOut.disabled("42").notification(List.of("user:42")));
    }
}
