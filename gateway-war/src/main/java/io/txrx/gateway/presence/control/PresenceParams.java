package io.txrx.gateway.presence.control;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.presence.PresenceMap;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.LinkedHashMap;
import java.util.Map;

/** The params of the {@code presence.*} methods, {@code {users: [username, ...]}}; anything else is -32602. */
public final class PresenceParams {
    private static final int MAX_NAME = 64;

    private PresenceParams() {}

    /** The users, lower-case name → name as given, in the order given, at most {@code max} of them. */
    public static Map<String, String> users(JsonValue params, int max) {
        if (!(params instanceof JsonObject object) || !(object.get("users") instanceof JsonArray users)) {
            throw invalid("params must be {users: [username, ...]}");
        }
        if (users.isEmpty() || users.size() > max) {
            throw invalid("users must list 1 to " + max + " usernames");
        }
        Map<String, String> names = new LinkedHashMap<>();
        for (JsonValue user : users) {
            if (!(user instanceof JsonString name)
                    || name.getString().isBlank()
                    || name.getString().length() > MAX_NAME) {
                throw invalid("each user must be a username (a non-empty string of at most " + MAX_NAME + ")");
            }
            names.putIfAbsent(PresenceMap.normalize(name.getString()), name.getString());
        }
        return names;
    }

    private static JsonRpcException invalid(String message) {
        return new JsonRpcException(ErrorCode.INVALID_PARAMS, "Invalid params: " + message);
    }
}
