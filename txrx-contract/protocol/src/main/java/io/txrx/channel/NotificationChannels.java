package io.txrx.channel;

import java.util.regex.Pattern;

/**
 * Where notifications travel on the bus: every topic {@code T} is the channel {@code notifications.T}, and
 * every notification addressed to one user goes to the one channel {@code notifications@users}, which every
 * gateway reads. Both are reserved: no socket reads or publishes them with {@code channel.*}; the gateway
 * delivers them as {@code notification} pushes and Server-Sent Events, and only the notifications service
 * publishes them.
 */
public final class NotificationChannels {
    /** A topic: 1 to 100 of letters, digits and {@code _ . : -}, starting with a letter or digit. */
    public static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]{0,99}");
    /** The channel of the notifications addressed to users. */
    public static final String USERS = "notifications@users";
    /** The method of the push a socket gets. */
    public static final String PUSH = "notification";

    private static final String TOPIC_PREFIX = "notifications.";

    private NotificationChannels() {}

    public static boolean isTopic(String topic) {
        return topic != null && TOPIC.matcher(topic).matches();
    }

    /** The channel of a valid topic. */
    public static String ofTopic(String topic) {
        if (!isTopic(topic)) {
            throw new IllegalArgumentException("Not a topic: " + topic);
        }
        return TOPIC_PREFIX + topic;
    }

    /** Whether a channel carries notifications, so only the gateway's notification delivery may read it. */
    public static boolean isReserved(String channel) {
        return channel.startsWith(TOPIC_PREFIX) || channel.startsWith("notifications@");
    }
}
