package io.txrx.rpc.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** The handlers of this process by JSON-RPC method name. */
@ApplicationScoped
public class HandlerRegistry {
    private final Map<String, Handler> handlers = new ConcurrentHashMap<>();

    /** Adds a handler; a second handler for the same method is a deployment error. */
    public void register(Handler handler) {
        Handler previous = handlers.putIfAbsent(handler.name(), handler);
        if (previous != null && previous != handler) {
            throw new IllegalStateException("Two handlers for " + handler.name());
        }
    }

    public Optional<Handler> find(String method) {
        return Optional.ofNullable(handlers.get(method));
    }

    public Set<String> services() {
        Set<String> services = new TreeSet<>();
        handlers.values().forEach(h -> services.add(h.service()));
        return services;
    }

    public List<String> methods(String service) {
        return handlers.values().stream()
                .filter(h -> h.service().equals(service))
                .map(Handler::name)
                .sorted()
                .toList();
    }
}
