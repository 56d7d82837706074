package io.txrx.gateway.notification.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.channel.NotificationChannels;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A notification as the channel fan-out hands it over (a {@code channel.message} push whose {@code data} is the
 * notification), and as it goes out: the socket's {@code notification} push and the Server-Sent Event's data,
 * both {@code {id, topic, title, body, data, createdAt}}.
 */
public record NotificationPush(long id, String userId, JsonObject params) {
    private static final Logger LOG = Logger.getLogger(NotificationPush.class.getName());

    /**
     * Reads the channel push, or answers {@code null} (logged) when it is no notification: someone wrote to
     * the channel by hand. A bad entry must not stop the fan-out.
     */
    public static NotificationPush readOrNull(String channelPush) {
        try {
            return fromChannelPush(channelPush);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Skipping a malformed notification: {0}", e.toString());
            return null;
        }
    }

    /** Reads the channel push; {@code userId} is set for the users' channel, and left out of the params. */
    public static NotificationPush fromChannelPush(String channelPush) {
        JsonObject push;
        try (var reader = JSON.createReader(new StringReader(channelPush))) {
            push = reader.readObject();
        }
        return fromData(push.getJsonObject("params").getJsonObject("data"));
    }

    /** From the notification as stored in the channel. */
    public static NotificationPush fromData(JsonObject data) {
        String userId = data.containsKey("userId") ? data.getString("userId") : null;
        JsonObject params = userId == null
                ? data
                : JSON.createObjectBuilder(data).remove("userId").build();
        return new NotificationPush(data.getJsonNumber("id").longValue(), userId, params);
    }

    /** The socket's frame. */
    public String frame() {
        return JSON.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("method", NotificationChannels.PUSH)
                .add("params", params)
                .build()
                .toString();
    }

    /** The notification of a stored channel entry's {@code data} field. */
    public static NotificationPush fromEntryData(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonValue value = reader.readValue();
            return fromData(value.asJsonObject());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
