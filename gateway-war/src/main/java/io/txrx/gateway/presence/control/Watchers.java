package io.txrx.gateway.presence.control;

import io.txrx.gateway.control.Socket;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which sockets of this gateway watch which users (lower-case usernames), and the state each watched user was
 * last told to have: a state that differs from it becomes one push per watching socket, so a user seen again
 * without a change pushes nothing, and every watcher hears the same sequence.
 */
public final class Watchers {

    /** One {@code presence.changed} to send: {@code user} as that socket named it. */
    public record Push(Socket socket, String user, boolean online) {}

    private static final class Watched {
        final Map<Socket, String> sockets = new LinkedHashMap<>();
        Boolean online;
    }

    private final Map<String, Watched> byUser = new HashMap<>();
    private final Map<String, Set<String>> bySocket = new HashMap<>();

    /**
     * Adds the socket as a watcher of {@code users} (lower-case name → the name as given) whose state is
     * {@code now}; answers the pushes owed to the other watchers of users whose state changed meanwhile.
     */
    public synchronized List<Push> watch(Socket socket, Map<String, String> users, Map<String, Boolean> now) {
        List<Push> pushes = seen(now);
        for (Map.Entry<String, String> user : users.entrySet()) {
            byUser.computeIfAbsent(user.getKey(), u -> new Watched()).sockets.put(socket, user.getValue());
            byUser.get(user.getKey()).online = now.get(user.getKey());
            bySocket.computeIfAbsent(socket.id(), s -> new HashSet<>()).add(user.getKey());
        }
        return pushes;
    }

    /** How many users the socket watches. */
    public synchronized int count(Socket socket) {
        Set<String> users = bySocket.get(socket.id());
        return users == null ? 0 : users.size();
    }

    /** Whether the socket watches the user already. */
    public synchronized boolean watches(Socket socket, String user) {
        Set<String> users = bySocket.get(socket.id());
        return users != null && users.contains(user);
    }

    /** Stops the socket watching {@code users}; answers how many it watched. */
    public synchronized int unwatch(Socket socket, Collection<String> users) {
        Set<String> watched = bySocket.get(socket.id());
        if (watched == null) {
            return 0;
        }
        int removed = 0;
        for (String user : users) {
            if (watched.remove(user)) {
                removed++;
                forget(socket, user);
            }
        }
        if (watched.isEmpty()) {
            bySocket.remove(socket.id());
        }
        return removed;
    }

    /** The socket closed. */
    public synchronized void closed(Socket socket) {
        Set<String> watched = bySocket.remove(socket.id());
        if (watched != null) {
            watched.forEach(user -> forget(socket, user));
        }
    }

    /** Every watched user. */
    public synchronized List<String> users() {
        return new ArrayList<>(byUser.keySet());
    }

    /** The users' states as just looked up: answers a push per watcher of each user whose state changed. */
    public synchronized List<Push> seen(Map<String, Boolean> states) {
        List<Push> pushes = new ArrayList<>();
        states.forEach((user, online) -> {
            Watched watched = byUser.get(user);
            if (watched == null || online == null || online.equals(watched.online)) {
                return;
            }
            watched.online = online;
            watched.sockets.forEach((socket, name) -> pushes.add(new Push(socket, name, online)));
        });
        return pushes;
    }

    private void forget(Socket socket, String user) {
        Watched watched = byUser.get(user);
        if (watched != null) {
            watched.sockets.remove(socket);
            if (watched.sockets.isEmpty()) {
                byUser.remove(user);
            }
        }
    }
}
