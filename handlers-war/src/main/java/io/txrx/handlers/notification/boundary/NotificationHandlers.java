package io.txrx.handlers.notification.boundary;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.channel.NotificationChannels;
import io.txrx.handlers.notification.control.NotificationInput;
import io.txrx.handlers.notification.control.NotificationInput.Draft;
import io.txrx.handlers.notification.control.NotificationJson;
import io.txrx.handlers.notification.control.NotificationStore;
import io.txrx.handlers.notification.control.PublisherAccess;
import io.txrx.handlers.notification.control.RecentCache;
import io.txrx.handlers.notification.control.ReportQuery;
import io.txrx.handlers.notification.entity.Notification;
import io.txrx.rpc.boundary.CallContext;
import io.txrx.rpc.boundary.RpcMethod;
import io.txrx.stream.ChannelPublisher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code notifications} service on the bus. {@code notifications.publish} checks who publishes, validates,
 * stores the row (committed first), then fans it out: to the topic's channel, or, addressed to a user, to
 * the users' channel only (a notification for one user is not broadcast), and adds it to the recent cache.
 * {@code notifications.list} reads reports, from the cache when it holds the page. Both take the caller
 * from the socket (an admin) or the {@code auth} param (an API key or an admin's session token), which the
 * gateway fills from the HTTP {@code Authorization: Bearer} header.
 */
@ApplicationScoped
public class NotificationHandlers {

    @Inject
    CallContext call;

    @Inject
    PublisherAccess access;

    @Inject
    NotificationStore store;

    @Inject
    RecentCache cache;

    @Inject
    ChannelPublisher channels;

    @RpcMethod("notifications.publish")
    public JsonObject publish(JsonValue params) {
        String sender = access.require(call.caller(), auth(params));
        Draft draft = NotificationInput.parse(params);
        Notification saved = store.save(draft, sender);
        JsonObject push = NotificationJson.push(saved);
        List<String> lists = new ArrayList<>(2);
        if (saved.getUserId() == null) {
            channels.publish(NotificationChannels.ofTopic(saved.getTopic()), push);
        } else {
            channels.publish(NotificationChannels.USERS, push);
            lists.add(cache.userKey(saved.getUserId()));
        }
        lists.add(cache.topicKey(saved.getTopic()));
        cache.add(NotificationJson.report(saved).toString(), lists);
        return JSON.createObjectBuilder()
                .add("id", saved.getId())
                .add("topic", saved.getTopic())
                .add("createdAt", saved.getCreatedAt().toString())
                .build();
    }

    @RpcMethod("notifications.list")
    public JsonObject list(JsonValue params) {
        access.require(call.caller(), auth(params));
        ReportQuery query = ReportQuery.parse(withoutAuth(params));
        JsonArrayBuilder items = JSON.createArrayBuilder();
        String source;
        Optional<List<String>> cached = Optional.empty();
        String key = null;
        if (query.recentOnly() && query.offset() + query.size() <= cache.size()) {
            key = query.topic() != null ? cache.topicKey(query.topic()) : cache.userKey(query.userId());
            cached = cache.get(key);
        }
        if (cached.isPresent()) {
            source = "cache";
            List<String> rows = cached.get();
            for (int i = query.offset(); i < Math.min(rows.size(), query.offset() + query.size()); i++) {
                items.add(parse(rows.get(i)));
            }
        } else if (key != null) {
            source = "database";
            List<String> recent = store.page(query, 0, cache.size()).stream()
                    .map(n -> NotificationJson.report(n).toString())
                    .toList();
            cache.fill(key, recent);
            for (int i = query.offset(); i < Math.min(recent.size(), query.offset() + query.size()); i++) {
                items.add(parse(recent.get(i)));
            }
        } else {
            source = "database";
            store.page(query).forEach(n -> items.add(NotificationJson.report(n)));
        }
        return JSON.createObjectBuilder()
                .add("items", items)
                .add("page", query.page())
                .add("size", query.size())
                .add("source", source)
                .build();
    }

    private static String auth(JsonValue params) {
        return params instanceof JsonObject object && object.get("auth") instanceof JsonString token
                ? token.getString()
                : null;
    }

    private static JsonValue withoutAuth(JsonValue params) {
        return params instanceof JsonObject object && object.containsKey("auth")
                ? JSON.createObjectBuilder(object).remove("auth").build()
                : params;
    }

    private static JsonValue parse(String json) {
        try (var reader = JSON.createReader(new java.io.StringReader(json))) {
            return reader.readValue();
        }
    }
}
