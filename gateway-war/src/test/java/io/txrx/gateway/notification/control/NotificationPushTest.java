package io.txrx.gateway.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.txrx.channel.ChannelMessage;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NotificationPushTest {
    private static final String NOTIFICATION =
            "{\"id\":12,\"topic\":\"news\",\"title\":\"t\",\"body\":\"b\",\"data\":{\"k\":1},\"createdAt\":\"2026-12-02T06:00:00Z\"}";

    private static String channelPush(String channel, String data) {
        return ChannelMessage.of(channel, "1-0", Map.of("data", data)).toPush();
    }

    @Test
    void aTopicNotificationBecomesTheSocketPushUnchanged() {
        NotificationPush cut = NotificationPush.fromChannelPush(channelPush("notifications.news", NOTIFICATION));
        assertEquals(12, cut.id());
        assertNull(cut.userId());
        assertEquals("{\"jsonrpc\":\"2.0\",\"method\":\"notification\",\"params\":" + NOTIFICATION + "}", cut.frame());
    }

    @Test
    void anAddressedNotificationKeepsItsUserOutOfThePush() {
        String addressed = NOTIFICATION.replace("{\"id\":12,", "{\"id\":12,\"userId\":\"7\",");
        NotificationPush cut = NotificationPush.fromChannelPush(channelPush("notifications@users", addressed));
        assertEquals("7", cut.userId());
        assertEquals(NOTIFICATION, cut.params().toString());
    }

    @Test
    void aMalformedEntryIsSkipped() {
        assertNull(NotificationPush.readOrNull(channelPush("notifications.news", "\"just text\"")));
        assertNull(NotificationPush.fromEntryData("{not json"));
    }
}
