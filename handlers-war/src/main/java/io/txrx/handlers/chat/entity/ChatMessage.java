package io.txrx.handlers.chat.entity;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.jsonrpc.Replies;
import jakarta.json.JsonObject;
import java.util.Map;

/** One chat message, as the stream carries it, the table keeps it and the client sees it. */
public record ChatMessage(MessageId id, Peer from, Peer to, String text) {
    public static final String PUSH = "chat.message";
    private static final String FROM_ID = "from";
    private static final String FROM_NAME = "fromName";
    private static final String TO_ID = "to";
    private static final String TO_NAME = "toName";
    private static final String TEXT = "text";

    /** The entry fields of a message about to be appended (its id is the entry's). */
    public static Map<String, String> fields(Peer from, Peer to, String text) {
        return Map.of(
                FROM_ID, Long.toString(from.id()),
                FROM_NAME, from.username(),
                TO_ID, Long.toString(to.id()),
                TO_NAME, to.username(),
                TEXT, text);
    }

    /** The message of a stream entry; {@link IllegalArgumentException} when the entry is not one. */
    public static ChatMessage of(MessageId id, Map<String, String> fields) {
        try {
            return new ChatMessage(
                    id,
                    new Peer(Long.parseLong(fields.get(FROM_ID)), fields.get(FROM_NAME)),
                    new Peer(Long.parseLong(fields.get(TO_ID)), fields.get(TO_NAME)),
                    fields.get(TEXT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a chat message: " + fields, e);
        }
    }

    /** Whether the message is between these two users, in either direction. */
    public boolean between(long user, long peer) {
        return from.id() == user && to.id() == peer || from.id() == peer && to.id() == user;
    }

    public boolean involves(long user) {
        return from.id() == user || to.id() == user;
    }

    /** The other user of the conversation, seen from {@code user}. */
    public Peer peerOf(long user) {
        return from.id() == user ? to : from;
    }

    public JsonObject toJson() {
        return JSON.createObjectBuilder()
                .add("id", id.toString())
                .add("from", from.toJson())
                .add("to", to.toJson())
                .add("text", text)
                .add("at", id.at().toString())
                .build();
    }

    /** The {@code chat.message} push. */
    public String toPush() {
        return Replies.notification(PUSH, toJson());
    }
}
