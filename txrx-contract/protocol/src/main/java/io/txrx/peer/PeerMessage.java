package io.txrx.peer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One message on the P2P stream. {@code to} is empty for a broadcast; {@code shard} is empty unless the
 * message is a {@code share}.
 */
public record PeerMessage(String type, String from, String role, String to, String shard, long ts) {
    public static final String INIT = "init";
    public static final String HELLO = "hello";
    public static final String SHARE = "share";
    public static final String HEARTBEAT = "heartbeat";
    public static final String BYE = "bye";

    /** The exact bytes that are signed: every field, in a fixed order, each ended by a newline. */
    public String signingInput() {
        return type + '\n' + from + '\n' + role + '\n' + to + '\n' + shard + '\n' + ts + '\n';
    }

    public Map<String, String> toFields(String signature) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("type", type);
        fields.put("from", from);
        fields.put("role", role);
        fields.put("to", to);
        fields.put("shard", shard);
        fields.put("ts", Long.toString(ts));
        fields.put("sig", signature);
        return fields;
    }

    /** Reads a message; throws {@link IllegalArgumentException} when a field is missing or malformed. */
    public static PeerMessage fromFields(Map<String, String> fields) {
        try {
            return new PeerMessage(
                    required(fields, "type"),
                    required(fields, "from"),
                    required(fields, "role"),
                    fields.getOrDefault("to", ""),
                    fields.getOrDefault("shard", ""),
                    Long.parseLong(required(fields, "ts")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("ts is not a number", e);
        }
    }

    public boolean isFor(String instance) {
        return to.isEmpty() || to.equals(instance);
    }

    public boolean fromRole(Role wanted) {
        for (String r : role.split(",")) {
            if (r.equals(wanted.id())) {
                return true;
            }
        }
        return false;
    }

    private static String required(Map<String, String> fields, String name) {
        String value = fields.get(name);
        if (value == null) {
            throw new IllegalArgumentException("missing field " + name);
        }
        return value;
    }
}
