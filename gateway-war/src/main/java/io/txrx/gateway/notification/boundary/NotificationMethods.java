package io.txrx.gateway.notification.boundary;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.channel.NotificationChannels;
import io.txrx.gateway.boundary.LocalMethods;
import io.txrx.gateway.boundary.LocalReply;
import io.txrx.gateway.channel.control.Subscription;
import io.txrx.gateway.control.Socket;
import io.txrx.gateway.notification.control.NotificationPush;
import io.txrx.gateway.notification.control.TopicFeed;
import io.txrx.jsonrpc.Call;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code notifications.subscribe {topic}} and {@code notifications.unsubscribe {topic}}, answered by the
 * gateway: from the reply on, the socket gets every notification of the topic as a {@code notification}
 * push. Topics are public: any socket may subscribe, signed in or not (notifications for one user are
 * addressed with {@code userId} and never go to a topic). Counted with the socket's channel subscriptions.
 */
@ApplicationScoped
public class NotificationMethods implements LocalMethods {
    static final String SUBSCRIBE = "notifications.subscribe";
    static final String UNSUBSCRIBE = "notifications.unsubscribe";
    private static final Set<String> METHODS = Set.of(SUBSCRIBE, UNSUBSCRIBE);

    @Inject
    TopicFeed feed;

    @Inject
    @ConfigProperty(name = "txrx.channel.max-subscriptions")
    int maxSubscriptions;

    @Override
    public boolean handles(String method) {
        return METHODS.contains(method);
    }

    @Override
    public String call(Socket socket, Call call) {
        return LocalReply.of(socket, call, "Redis", () -> {
            String topic = topic(call.params());
            JsonObject result = SUBSCRIBE.equals(call.method()) ? subscribe(socket, topic) : unsubscribe(socket, topic);
            return result;
        });
    }

    @Override
    public void closed(Socket socket) {
        for (String channel : List.copyOf(socket.subscriptions().keySet())) {
            if (NotificationChannels.isReserved(channel)) {
                Subscription subscription = socket.subscriptions().remove(channel);
                if (subscription != null) {
                    feed.close(subscription);
                }
            }
        }
    }

    private JsonObject subscribe(Socket socket, String topic) {
        String channel = NotificationChannels.ofTopic(topic);
        if (!socket.subscriptions().containsKey(channel)) {
            if (socket.subscriptions().size() >= maxSubscriptions) {
                throw new JsonRpcException(
                        ErrorCode.TOO_LARGE,
                        "A socket may subscribe to at most " + maxSubscriptions + " topics and channels");
            }
            Subscription subscription = feed.open(topic, null, push -> {
                NotificationPush notification = NotificationPush.readOrNull(push);
                return notification == null || socket.send(notification.frame());
            });
            if (socket.subscriptions().putIfAbsent(channel, subscription) != null) {
                feed.close(subscription); // a concurrent subscribe of the same socket won
            }
            if (!socket.isOpen()) {
                closed(socket);
            }
        }
        return JSON.createObjectBuilder()
                .add("topic", topic)
                .add("subscribed", true)
                .build();
    }

    private JsonObject unsubscribe(Socket socket, String topic) {
        Subscription subscription = socket.subscriptions().remove(NotificationChannels.ofTopic(topic));
        if (subscription != null) {
            feed.close(subscription);
        }
        return JSON.createObjectBuilder()
                .add("topic", topic)
                .add("unsubscribed", subscription != null)
                .build();
    }

    static String topic(JsonValue params) {
        if (params instanceof JsonObject object
                && object.get("topic") instanceof JsonString topic
                && NotificationChannels.isTopic(topic.getString())) {
            return topic.getString();
        }
        throw new JsonRpcException(
                ErrorCode.INVALID_PARAMS,
                "Invalid params",
                JSON.createArrayBuilder()
                        .add(JSON.createObjectBuilder()
                                .add("field", "topic")
                                .add(
                                        "message",
                                        "1 to 100 of letters, digits, _ . : or -, starting with a letter or digit"))
                        .build());
    }
}
