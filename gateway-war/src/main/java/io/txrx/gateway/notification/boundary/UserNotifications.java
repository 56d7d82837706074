package io.txrx.gateway.notification.boundary;

import io.txrx.channel.NotificationChannels;
import io.txrx.gateway.boundary.Gateway;
import io.txrx.gateway.channel.boundary.ChannelFanOut;
import io.txrx.gateway.channel.control.ChannelStore;
import io.txrx.gateway.channel.control.Subscription;
import io.txrx.gateway.control.Socket;
import io.txrx.gateway.notification.control.NotificationPush;
import io.txrx.identity.Caller;
import io.txrx.keys.StreamKeys;
import io.txrx.peer.Role;
import io.txrx.process.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;

/**
 * Notifications addressed to a user: every gateway reads the one users' channel (through its channel reader,
 * from what is new when it starts) and pushes each notification to the sockets signed in as that user here,
 * all of them. A gateway with none of them drops it, so no map of users to gateways is needed, at the cost of
 * every gateway reading every addressed notification.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class UserNotifications {
    private static final Logger LOG = Logger.getLogger(UserNotifications.class.getName());

    @Inject
    Roles roles;

    @Inject
    ChannelFanOut fanOut;

    @Inject
    ChannelStore store;

    @Inject
    StreamKeys keys;

    @Inject
    Gateway gateway;

    private Subscription subscription;

    @PostConstruct
    void start() {
        if (!roles.has(Role.GATEWAY)) {
            return;
        }
        String key = keys.channel(NotificationChannels.USERS);
        StreamEntryID from;
        try {
            from = store.retained(key).last();
        } catch (JedisException e) {
            from = new StreamEntryID(System.currentTimeMillis(), 0);
            LOG.log(Level.WARNING, "Redis unreachable at start: user notifications from {0} on", from);
        }
        subscription = new Subscription(NotificationChannels.USERS, from, this::deliver);
        fanOut.subscribe(key, NotificationChannels.USERS, subscription, from);
        subscription.goLive();
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.close();
            try {
                fanOut.unsubscribe(keys.channel(NotificationChannels.USERS), subscription);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "Leaving the users'' channel failed (Redis down?): {0}", e.toString());
            }
        }
    }

    private boolean deliver(String channelPush) {
        NotificationPush notification = NotificationPush.readOrNull(channelPush);
        if (notification == null || notification.userId() == null) {
            return true;
        }
        String frame = null;
        for (Socket socket : gateway.sockets()) {
            Caller caller = socket.caller();
            if (caller != null && caller.id().equals(notification.userId())) {
                if (frame == null) {
                    frame = notification.frame();
                }
                socket.send(frame);
            }
        }
        return true;
    }
}
