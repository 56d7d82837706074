package io.txrx.handlers.system.boundary;

import io.txrx.jsonrpc.Methods;
import io.txrx.p2p.boundary.Routes;
import io.txrx.rpc.boundary.RpcMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;

/** The {@code system} service. */
@ApplicationScoped
public class SystemHandlers {

    /** One routable method and the service that handles it. */
    public record MethodRoute(String method, String service) {}

    @Inject
    Routes routes;

    @RpcMethod(Methods.SYSTEM_PING)
    public String ping() {
        return "pong";
    }

    /** Answers the params exactly as given: object, array, or null when there are none. */
    @RpcMethod("system.echo")
    public JsonValue echo(JsonValue params) {
        return params;
    }

    /** The server's clock as an ISO-8601 instant. */
    @RpcMethod("system.time")
    public String time() {
        return Instant.now().toString();
    }

    /** The methods routable right now, as this instance's peers have announced them. */
    @RpcMethod("system.methods")
    public List<MethodRoute> methods() {
        return routes.methods().entrySet().stream()
                .map(e -> new MethodRoute(e.getKey(), e.getValue()))
                .toList();
    }

    /** Waits {@code ms} milliseconds, then answers them: a slow call for trying timeouts and failover. */
    @RpcMethod("system.sleep")
    public long sleep(@Min(0) @Max(30_000) long ms) throws InterruptedException {
        Thread.sleep(ms);
        return ms;
    }
}
