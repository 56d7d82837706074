package io.txrx.gateway.control;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** This gateway's open sockets by session id: the one place a socket is found by its id. */
public final class SocketRegistry {
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();
    private final UserSockets users = new UserSockets();

    public void add(Socket socket) {
        sockets.put(socket.id(), socket);
    }

    /** Adds a socket unless {@code max} are open already; answers whether it did. */
    public synchronized boolean add(Socket socket, int max) {
        if (sockets.size() >= max) {
            return false;
        }
        sockets.put(socket.id(), socket);
        return true;
    }

    /** The socket of this id, or {@code null} when it has closed. */
    public Socket get(String id) {
        return sockets.get(id);
    }

    public Socket remove(String id) {
        Socket removed = sockets.remove(id);
        if (removed != null) {
            users.closed(removed);
        }
        return removed;
    }

    /** The signed-in sockets by user. */
    public UserSockets users() {
        return users;
    }

    /** How many sockets are open. */
    public int size() {
        return sockets.size();
    }

    public Collection<Socket> all() {
        return sockets.values();
    }
}
