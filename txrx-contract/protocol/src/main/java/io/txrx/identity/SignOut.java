package io.txrx.identity;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.jsonrpc.Methods;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A sign-out that every gateway applies to its sockets, carried on the sign-out stream
 * ({@code io.txrx.keys.StreamKeys#signOuts()}): the sockets bound to one login {@code session}, or every
 * socket of one {@code user} except those bound to {@code keep}. {@code origin} ({@code gateway/socket}) is
 * the socket whose own call caused it: its reply signs it out (or keeps it), so it gets no notification. An
 * entry can only sign sockets out, never in.
 */
public record SignOut(Reason reason, String user, String session, String keep, String origin) {

    /** Why sockets are signed out, as the {@code reason} of the {@code auth.signedOut} notification. */
    public enum Reason {
        LOGOUT("logout"),
        DISABLED("disabled"),
        PASSWORD_CHANGED("passwordChanged");

        private final String wire;

        Reason(String wire) {
            this.wire = wire;
        }

        public String wire() {
            return wire;
        }

        static Reason of(String wire) {
            return Arrays.stream(values())
                    .filter(r -> r.wire.equals(wire))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown reason " + wire));
        }
    }

    public SignOut {
        if (reason == null || user == null || session == null || keep == null || origin == null) {
            throw new IllegalArgumentException("every field of a sign-out is required (empty for none)");
        }
        if (user.isEmpty() && session.isEmpty()) {
            throw new IllegalArgumentException("a sign-out names a user or a session");
        }
    }

    /** {@code auth.logout}: every socket bound to the login session {@code session}. */
    public static SignOut logout(String session, String origin) {
        return new SignOut(Reason.LOGOUT, "", session, "", origin);
    }

    /** {@code auth.disable}: every socket of the user. */
    public static SignOut disabled(String user) {
        return new SignOut(Reason.DISABLED, user, "", "", "");
    }

    /** {@code auth.changePassword}: every socket of the user but those bound to the session it kept. */
    public static SignOut passwordChanged(String user, String keep, String origin) {
        return new SignOut(Reason.PASSWORD_CHANGED, user, "", keep, origin);
    }

    /** Whether a socket bound to {@code caller} ({@code null}: not signed in) is signed out by this. */
    public boolean matches(Caller caller) {
        if (caller == null) {
            return false;
        }
        return (user.isEmpty() || user.equals(caller.id()))
                && (session.isEmpty() || session.equals(caller.session()))
                && (keep.isEmpty() || !keep.equals(caller.session()));
    }

    /** Whether the socket {@code socketId} of gateway {@code gatewayId} made the call that caused this. */
    public boolean isOrigin(String gatewayId, String socketId) {
        return origin.equals(gatewayId + "/" + socketId);
    }

    /** The notification a signed-out socket gets; {@code unsubscribed}: the channels it may no longer read. */
    public String notification(List<String> unsubscribed) {
        return JSON.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("method", Methods.AUTH_SIGNED_OUT)
                .add(
                        "params",
                        JSON.createObjectBuilder()
                                .add("reason", reason.wire())
                                .add("unsubscribed", JSON.createArrayBuilder(unsubscribed)))
                .build()
                .toString();
    }

    public Map<String, String> toFields(long ts) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("reason", reason.wire());
        fields.put("user", user);
        fields.put("session", session);
        fields.put("keep", keep);
        fields.put("origin", origin);
        fields.put("ts", Long.toString(ts));
        return fields;
    }

    /** Reads a sign-out; throws {@link IllegalArgumentException} when it is malformed or names nobody. */
    public static SignOut fromFields(Map<String, String> fields) {
        String reason = fields.get("reason");
        if (reason == null) {
            throw new IllegalArgumentException("missing field reason");
        }
        return new SignOut(
                Reason.of(reason),
                fields.getOrDefault("user", ""),
                fields.getOrDefault("session", ""),
                fields.getOrDefault("keep", ""),
                fields.getOrDefault("origin", ""));
    }
}
