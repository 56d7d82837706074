package io.txrx.handlers.notification.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.handlers.notification.entity.Notification;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/** A notification as JSON: the push's {@code {id, topic, title, body, data, createdAt}}, and in reports also who it was addressed to and who sent it. */
public final class NotificationJson {

    private NotificationJson() {}

    /** What a subscriber gets; {@code userId} is added for the users' channel (the gateway removes it). */
    public static JsonObject push(Notification n) {
        JsonObjectBuilder push = base(n);
        if (n.getUserId() != null) {
            push.add("userId", n.getUserId().toString());
        }
        return push.build();
    }

    /** A report row. */
    public static JsonObject report(Notification n) {
        JsonObjectBuilder row = base(n);
        if (n.getUserId() == null) {
            row.addNull("userId");
        } else {
            row.add("userId", n.getUserId());
        }
        return row.add("sender", n.getSender()).build();
    }

    private static JsonObjectBuilder base(Notification n) {
        JsonObjectBuilder json = JSON.createObjectBuilder()
                .add("id", n.getId())
                .add("topic", n.getTopic())
                .add("title", n.getTitle())
                .add("body", n.getBody());
        if (n.getData() == null) {
            json.addNull("data");
        } else {
            try (var reader = JSON.createReader(new StringReader(n.getData()))) {
                json.add("data", reader.readValue());
            }
        }
        return json.add("createdAt", n.getCreatedAt().toString());
    }
}
