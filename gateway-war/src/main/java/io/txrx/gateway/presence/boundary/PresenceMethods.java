package io.txrx.gateway.presence.boundary;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.gateway.boundary.LocalMethods;
import io.txrx.gateway.boundary.LocalReply;
import io.txrx.gateway.control.Socket;
import io.txrx.gateway.control.SocketRegistry;
import io.txrx.gateway.presence.control.PresenceLoop;
import io.txrx.gateway.presence.control.PresenceParams;
import io.txrx.gateway.presence.control.Watchers;
import io.txrx.jsonrpc.Call;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.presence.PresenceMap;
import io.txrx.stream.Redis;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code presence.*} methods, answered by the gateway itself: it is the gateway that sees sockets open,
 * sign in and close, a watch belongs to the socket and ends with it (like a channel subscription), and the
 * answer comes from the presence map in Redis without a trip through the bus. For signed-in sockets only.
 */
@ApplicationScoped
public class PresenceMethods implements LocalMethods {
    static final String ONLINE = "presence.online";
    static final String WATCH = "presence.watch";
    static final String UNWATCH = "presence.unwatch";
    private static final Set<String> METHODS = Set.of(ONLINE, WATCH, UNWATCH);

    @Inject
    PresenceMap map;

    @Inject
    Redis redis;

    @Inject
    @ConfigProperty(name = "txrx.presence.ttl-ms")
    long ttlMs;

    @Inject
    @ConfigProperty(name = "txrx.presence.max-users")
    int maxUsers;

    private final Watchers watchers = new Watchers();
    private PresenceLoop loop;

    /** Started with the gateway: keeps {@code gateway}'s users in the presence map. */
    public void start(ManagedExecutorService executor, String gateway, SocketRegistry sockets) {
        loop = new PresenceLoop(map, redis.client(), gateway, sockets, watchers, ttlMs);
        loop.start(executor);
    }

    public void stop() {
        if (loop != null) {
            loop.stop();
        }
    }

    @Override
    public boolean handles(String method) {
        return METHODS.contains(method);
    }

    @Override
    public String call(Socket socket, Call call) {
        return LocalReply.of(socket, call, "presence", () -> {
            if (socket.caller() == null) {
                throw new JsonRpcException(ErrorCode.UNAUTHORIZED, "Sign in to use " + call.method());
            }
            Map<String, String> users = PresenceParams.users(call.params(), maxUsers);
            JsonValue result =
                    switch (call.method()) {
                        case ONLINE -> states(users, map.online(users.keySet(), System.currentTimeMillis()));
                        case WATCH -> watch(socket, users);
                        default -> JSON.createObjectBuilder()
                                .add("unwatched", watchers.unwatch(socket, users.keySet()))
                                .build();
                    };
            return result;
        });
    }

    @Override
    public void closed(Socket socket) {
        watchers.closed(socket);
    }

    /** Watching is for signed-in sockets: a signed-out one stops getting presence.changed. */
    @Override
    public List<String> signedOut(Socket socket) {
        watchers.closed(socket);
        return List.of();
    }

    private JsonValue watch(Socket socket, Map<String, String> users) {
        long added = users.keySet().stream()
                .filter(u -> !watchers.watches(socket, u))
                .count();
        if (watchers.count(socket) + added > maxUsers) {
            throw new JsonRpcException(ErrorCode.TOO_LARGE, "A socket may watch at most " + maxUsers + " users");
        }
        Map<String, Boolean> now = map.online(users.keySet(), System.currentTimeMillis());
        PresenceLoop.push(watchers.watch(socket, users, now));
        return states(users, now);
    }

    /** {@code {<username as given>: true|false}}. */
    private static JsonValue states(Map<String, String> users, Map<String, Boolean> online) {
        JsonObjectBuilder result = JSON.createObjectBuilder();
        users.forEach((user, given) -> result.add(given, online.getOrDefault(user, false)));
        return result.build();
    }
}
