package io.txrx.channel;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.jsonrpc.Methods;
import io.txrx.jsonrpc.Replies;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.Map;

/**
 * One message of a channel as clients and workers see it: its offset (the stream entry id) and its data.
 * An entry whose only field is {@code data} carries that JSON; any other entry (the key/value form) reads as
 * an object of its fields, each value a string.
 */
public record ChannelMessage(String channel, String offset, JsonValue data) {
    /** The JSON-RPC method of the push a subscribed socket receives. */
    public static final String PUSH_METHOD = Methods.CHANNEL_MESSAGE;
    /** The members of a push's params and of a history page's messages. */
    public static final String CHANNEL = "channel";

    public static final String OFFSET = "offset";
    public static final String DATA = "data";

    /** The message of a channel's stream entry: {@code offset} is the entry id, {@code fields} its fields. */
    public static ChannelMessage of(String channel, String offset, Map<String, String> fields) {
        return new ChannelMessage(channel, offset, dataOf(fields));
    }

    /** The message a {@code channel.message} push carries, from its params. */
    public static ChannelMessage fromPush(JsonObject params) {
        return new ChannelMessage(params.getString(CHANNEL), params.getString(OFFSET), params.get(DATA));
    }

    static JsonValue dataOf(Map<String, String> fields) {
        String data = fields.get(ChannelFields.DATA);
        if (data != null && fields.size() == 1) {
            try (var reader = JSON.createReader(new StringReader(data))) {
                return reader.readValue();
            } catch (JsonException e) {
                return JSON.createValue(data);
            }
        }
        JsonObjectBuilder object = JSON.createObjectBuilder();
        fields.forEach(object::add);
        return object.build();
    }

    /** {@code {"offset":...,"data":...}}, as a history page lists it. */
    public JsonObject toJson() {
        return JSON.createObjectBuilder().add(OFFSET, offset).add(DATA, data).build();
    }

    /** The {@code channel.message} notification a subscribed socket receives. */
    public String toPush() {
        return Replies.notification(
                PUSH_METHOD,
                JSON.createObjectBuilder()
                        .add(CHANNEL, channel)
                        .add(OFFSET, offset)
                        .add(DATA, data)
                        .build());
    }
}
