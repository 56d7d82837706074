package io.txrx.identity;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Set;
import java.util.TreeSet;

/**
 * A signed-in user as the streams carry it: in the {@code user} field of TX and service entries, and in the
 * {@code bind} field of an RX entry that tells a gateway to bind (or, empty, unbind) the socket.
 * {@code session} names the sign-in session (not its secret token), so a logout can end it.
 */
public record Caller(String id, String name, Set<String> roles, String session) {
    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public String toJson() {
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("name", name)
                .add("roles", JSON.createArrayBuilder(new TreeSet<>(roles)))
                .add("session", session)
                .build()
                .toString();
    }

    /** Reads a caller; throws {@link IllegalArgumentException} when the text is not one. */
    public static Caller fromJson(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject caller = reader.readObject();
            return new Caller(
                    caller.getString("id"),
                    caller.getString("name"),
                    Set.copyOf(caller.getJsonArray("roles").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString)
                            .toList()),
                    caller.getString("session", ""));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a caller: " + e.getMessage(), e);
        }
    }
}
