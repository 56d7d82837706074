package io.txrx.gateway.control;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** This gateway's open sockets by session id: the one place a socket is found by its id. */
public final class SocketRegistry {
    private final Map<String, Socket> sockets = new ConcurrentHashMap<>();

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
        return sockets.remove(id);
    }

    public Collection<Socket> all() {
        return sockets.values();
    }
}
