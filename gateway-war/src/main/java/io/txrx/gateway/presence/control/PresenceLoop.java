package io.txrx.gateway.presence.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.gateway.control.Socket;
import io.txrx.gateway.control.SocketRegistry;
import io.txrx.gateway.control.UserSockets;
import io.txrx.jsonrpc.Replies;
import io.txrx.presence.PresenceMap;
import io.txrx.presence.PresenceRules;
import io.txrx.stream.Loop;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * This gateway's part of presence: it writes the users that come to and leave this gateway into the
 * {@link PresenceMap} as their sockets are bound and closed, and runs the presence loop, which reads
 * {@code presence:changes} (plain XREAD, every gateway reads every change) and every beat pushes this
 * gateway's deadline ahead, rejoins its users when it had been taken off the map, counts again the sockets
 * whose binding changed out of its sight, reaps gateways whose deadline passed, and looks again at every
 * watched user, so a user whose gateway was killed is pushed offline within the bound.
 */
public final class PresenceLoop implements UserSockets.Listener {
    private static final Logger LOG = Logger.getLogger(PresenceLoop.class.getName());
    public static final String CHANGED = "presence.changed";

    private final PresenceMap map;
    private final UnifiedJedis redis;
    private final String gateway;
    private final SocketRegistry sockets;
    private final Watchers watchers;
    private final long ttlMs;
    private final Loop loop = new Loop("Presence loop", this::round);
    private final Set<String> unsaved = new LinkedHashSet<>();
    private StreamEntryID last;
    private long nextBeat;

    public PresenceLoop(
            PresenceMap map,
            UnifiedJedis redis,
            String gateway,
            SocketRegistry sockets,
            Watchers watchers,
            long ttlMs) {
        this.map = map;
        this.redis = redis;
        this.gateway = gateway;
        this.sockets = sockets;
        this.watchers = watchers;
        this.ttlMs = ttlMs;
    }

    public void start(ExecutorService executor) {
        sockets.users().listen(this);
        loop.start(executor);
    }

    /** Stops the loop and takes this gateway off the map, so its users go offline at once. */
    public void stop() {
        loop.stop();
        try {
            map.reap(gateway);
        } catch (JedisException e) {
            LOG.log(Level.INFO, "Presence of gateway {0} left to expire: {1}", new Object[] {gateway, e.getMessage()});
        }
    }

    @Override
    public void joined(String user) {
        save(user, true);
    }

    @Override
    public void left(String user) {
        save(user, false);
    }

    private void save(String user, boolean joined) {
        try {
            if (joined) {
                map.joined(gateway, user);
            } else {
                map.left(gateway, user);
            }
        } catch (JedisException e) {
            LOG.log(Level.FINE, "Presence of {0} not saved, retried next beat: {1}", new Object[] {user, e});
            synchronized (unsaved) {
                unsaved.add(user);
            }
        }
    }

    private void round() {
        long now = System.currentTimeMillis();
        if (now >= nextBeat) {
            nextBeat = now + PresenceRules.beatIntervalMs(ttlMs);
            beat(now);
        }
        if (last == null) {
            List<StreamEntry> newest = redis.xrevrange(map.changes(), "+", "-", 1);
            last = newest.isEmpty() ? new StreamEntryID(0, 0) : newest.get(0).getID();
        }
        int block = (int) Math.max(1, Math.min(500, nextBeat - System.currentTimeMillis()));
        var read = redis.xread(XReadParams.xReadParams().count(1000).block(block), Map.of(map.changes(), last));
        if (read == null || read.isEmpty()) {
            return;
        }
        Set<String> changed = new LinkedHashSet<>();
        for (StreamEntry entry : read.get(0).getValue()) {
            last = entry.getID();
            changed.add(entry.getFields().get("user"));
        }
        List<String> watched = new ArrayList<>(watchers.users());
        watched.retainAll(changed);
        lookAgain(watched);
    }

    private void beat(long now) {
        if (map.beat(gateway, PresenceRules.deadlineMs(now, ttlMs))) {
            map.rejoin(gateway, sockets.users().users());
        }
        sockets.users().recount(sockets);
        retryUnsaved();
        for (String dead : map.expired(now)) {
            if (!dead.equals(gateway)) {
                List<String> users = map.reap(dead);
                if (!users.isEmpty()) {
                    LOG.log(Level.INFO, "Gateway {0} stopped beating: {1} user(s) offline there", new Object[] {
                        dead, users.size()
                    });
                }
            }
        }
        lookAgain(watchers.users());
    }

    private void retryUnsaved() {
        List<String> users;
        synchronized (unsaved) {
            users = new ArrayList<>(unsaved);
            unsaved.clear();
        }
        List<String> here = sockets.users().users();
        for (String user : users) {
            save(user, here.contains(user));
        }
    }

    private void lookAgain(List<String> users) {
        if (users.isEmpty()) {
            return;
        }
        Map<String, Boolean> states = new LinkedHashMap<>(map.online(users, System.currentTimeMillis()));
        push(watchers.seen(states));
    }

    /** Sends {@code presence.changed} for each push. */
    public static void push(List<Watchers.Push> pushes) {
        for (Watchers.Push push : pushes) {
            Socket socket = push.socket();
            socket.send(Replies.notification(
                    CHANGED,
                    JSON.createObjectBuilder()
                            .add("user", push.user())
                            .add("online", push.online())
                            .build()));
        }
    }
}
