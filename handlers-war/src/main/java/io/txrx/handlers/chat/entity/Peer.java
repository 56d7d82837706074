package io.txrx.handlers.chat.entity;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import jakarta.json.JsonObject;

/** A user as chat shows one: {@code {id, username}}. */
public record Peer(long id, String username) {

    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("id", id)
                .add("username", username)
                .build();
    }
}
