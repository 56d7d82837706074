package io.txrx.benchmark;

import jakarta.json.Json;
import jakarta.json.JsonObject;

/**
 * The {@code system.echo} call every client sends: {@code {"data":"<payload>"}} as params, the payload plain
 * ASCII letters and digits of the requested length.
 */
final class EchoRequest {

    static final String METHOD = "system.echo";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final JsonObject params;

    EchoRequest(int payloadBytes) {
        StringBuilder data = new StringBuilder(payloadBytes);
        for (int i = 0; i < payloadBytes; i++) {
            data.append(ALPHABET.charAt(i % ALPHABET.length()));
        }
        this.params = Json.createObjectBuilder().add("data", data.toString()).build();
    }

    JsonObject params() {
        return params;
    }

    /** True when a reply's result is the params that were sent. */
    boolean isEchoedIn(JsonObject reply) {
        return params.equals(reply.get("result"));
    }
}
