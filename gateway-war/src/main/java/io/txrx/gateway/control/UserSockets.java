package io.txrx.gateway.control;

import io.txrx.identity.Caller;
import io.txrx.presence.PresenceMap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * This gateway's signed-in sockets by user (the lower-case username): what a push addressed to a user fans
 * out to, and what tells the presence map that a user came to or left this gateway. A socket is counted while
 * it is open and bound; {@link #update} is called after its binding may have changed, and once it closed.
 */
public final class UserSockets {

    /** Hears a user's first socket on this gateway open and its last one close, in order. */
    public interface Listener {
        void joined(String user);

        void left(String user);
    }

    private static final Listener NONE = new Listener() {
        @Override
        public void joined(String user) {}

        @Override
        public void left(String user) {}
    };

    private final Map<String, Set<Socket>> byUser = new HashMap<>();
    private final Map<String, String> userOfSocket = new HashMap<>();
    private Listener listener = NONE;

    public synchronized void listen(Listener listener) {
        this.listener = listener;
    }

    /** Counts the socket under the user it is bound to now, or under none when it is closed or unbound. */
    public synchronized void update(Socket socket) {
        Caller caller = socket.isOpen() ? socket.caller() : null;
        move(socket, caller == null ? null : PresenceMap.normalize(caller.name()));
    }

    /** The socket is gone. */
    public synchronized void closed(Socket socket) {
        move(socket, null);
    }

    /**
     * Counts every socket of the registry again, and forgets those no longer in it (one that closed while
     * its sign-in reply was being delivered, say): whatever was missed, a user's entry ends at the next call.
     */
    public synchronized void recount(SocketRegistry registry) {
        registry.all().forEach(this::update);
        List<Socket> tracked = new ArrayList<>();
        byUser.values().forEach(tracked::addAll);
        for (Socket socket : tracked) {
            if (registry.get(socket.id()) != socket || !socket.isOpen()) {
                move(socket, null);
            }
        }
    }

    /** The open sockets of the user on this gateway. */
    public synchronized List<Socket> of(String user) {
        Set<Socket> sockets = byUser.get(user);
        return sockets == null ? List.of() : new ArrayList<>(sockets);
    }

    /** Every user with a socket on this gateway. */
    public synchronized List<String> users() {
        return new ArrayList<>(byUser.keySet());
    }

    private void move(Socket socket, String user) {
        String before = user == null ? userOfSocket.remove(socket.id()) : userOfSocket.put(socket.id(), user);
        if (user != null && user.equals(before)) {
            return;
        }
        if (before != null) {
            Set<Socket> sockets = byUser.get(before);
            sockets.remove(socket);
            if (sockets.isEmpty()) {
                byUser.remove(before);
                listener.left(before);
            }
        }
        if (user != null) {
            Set<Socket> sockets = byUser.computeIfAbsent(user, u -> new LinkedHashSet<>());
            sockets.add(socket);
            if (sockets.size() == 1) {
                listener.joined(user);
            }
        }
    }
}
