package io.txrx.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NotificationChannelsTest {

    @Test
    void aTopicIsAValidChannelNameOfItsOwn() {
        assertEquals("notifications.orders.eu-1", NotificationChannels.ofTopic("orders.eu-1"));
        assertTrue(ChannelName.isValid(NotificationChannels.ofTopic("a".repeat(100))));
        assertTrue(ChannelName.isValid(NotificationChannels.USERS));
    }

    @Test
    void topicsAreShortPlainNames() {
        assertFalse(NotificationChannels.isTopic(null));
        assertFalse(NotificationChannels.isTopic(""));
        assertFalse(NotificationChannels.isTopic("a".repeat(101)));
        assertFalse(NotificationChannels.isTopic("-leading"));
        assertFalse(NotificationChannels.isTopic("with space"));
        assertFalse(NotificationChannels.isTopic("at@users"), "no topic can name the users' channel");
        assertThrows(IllegalArgumentException.class, () -> NotificationChannels.ofTopic("a/b"));
    }

    @Test
    void theNotificationChannelsAreReserved() {
        assertTrue(NotificationChannels.isReserved("notifications.orders"));
        assertTrue(NotificationChannels.isReserved(NotificationChannels.USERS));
        assertFalse(NotificationChannels.isReserved("notificationsx"));
        assertFalse(NotificationChannels.isReserved("public.notifications.orders"));
    }
}
