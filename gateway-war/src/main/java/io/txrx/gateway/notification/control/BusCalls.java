package io.txrx.gateway.notification.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.gateway.boundary.GatewayStartup;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.keys.Fields;
import io.txrx.keys.StreamKeys;
import io.txrx.peer.Role;
import io.txrx.process.InstanceId;
import io.txrx.process.Roles;
import io.txrx.stream.Loop;
import io.txrx.stream.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * HTTP requests as calls on the bus: a call goes to TX like a socket's, under this gateway's HTTP id
 * ({@code <gateway id>.http}), so its reply comes back on an RX stream of its own that one loop here reads;
 * each reply completes the future of its call. The socket path ({@code Gateway}, {@code ReplyDelivery})
 * is left as it is. The stream gets the same TTL as the gateway's RX and is deleted on shutdown.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class BusCalls {
    private static final Logger LOG = Logger.getLogger(BusCalls.class.getName());
    private static final int BLOCK_MS = 500;
    private static final String SESSION = "http";

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    @Inject
    InstanceId instance;

    @Inject
    Roles roles;

    @Inject
    @ConfigProperty(name = "txrx.gateway.call-timeout-ms")
    long callTimeoutMs;

    @Inject
    @ConfigProperty(name = "txrx.gateway.rx-ttl-s")
    long rxTtlSeconds;

    @Inject
    @ConfigProperty(name = "txrx.stream.max-len")
    long maxLen;

    @Resource(lookup = GatewayStartup.LOOPS)
    ManagedExecutorService executor;

    private final Map<String, CompletableFuture<String>> pending = new ConcurrentHashMap<>();
    private final AtomicLong sequence = new AtomicLong();
    private final Loop loop = new Loop("HTTP RX loop", this::read);
    private volatile boolean started;
    private String gatewayId;
    private String rx;
    private StreamEntryID last = new StreamEntryID(0, 0);
    private long nextTtl;

    @PostConstruct
    void start() {
        if (!roles.has(Role.GATEWAY)) {
            return;
        }
        gatewayId = instance.value() + ".http";
        rx = keys.rx(gatewayId);
        loop.start(executor);
        started = true;
        LOG.log(Level.INFO, "HTTP API calls go to {0}, replies come from {1}", new Object[] {keys.tx(), rx});
    }

    @PreDestroy
    void stop() {
        if (!started) {
            return;
        }
        started = false;
        loop.stop();
        pending.values().forEach(call -> call.completeExceptionally(unavailable("The gateway is shutting down")));
        try {
            redis.client().del(rx);
        } catch (JedisException e) {
            LOG.log(Level.INFO, "{0} left to expire: {1}", new Object[] {rx, e.getMessage()});
        }
    }

    /**
     * Sends {@code method(params)} and answers its JSON-RPC reply text; fails with a {@link JsonRpcException}
     * -32006 when the bus cannot take it, and -32004 when no reply comes within the call timeout.
     */
    public CompletableFuture<String> call(String method, JsonObject params) {
        if (!started || loop.failing()) {
            return CompletableFuture.failedFuture(
                    new JsonRpcException(ErrorCode.BUS_UNAVAILABLE, "Message bus unavailable"));
        }
        String callId = Long.toString(sequence.incrementAndGet(), 36);
        String message = JSON.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", callId)
                .add("method", method)
                .add("params", params)
                .build()
                .toString();
        Map<String, String> fields = new HashMap<>(8);
        fields.put(Fields.GATEWAY, gatewayId);
        fields.put(Fields.SESSION, SESSION);
        fields.put(Fields.CALL, callId);
        fields.put(Fields.METHOD, method);
        fields.put(Fields.MESSAGE, message);
        fields.put(Fields.TIMESTAMP, Long.toString(System.currentTimeMillis()));
        CompletableFuture<String> reply = new CompletableFuture<>();
        pending.put(callId, reply);
        try {
            redis.client()
                    .xadd(keys.tx(), XAddParams.xAddParams().maxLen(maxLen).approximateTrimming(), fields);
        } catch (JedisException e) {
            pending.remove(callId);
            LOG.log(Level.FINE, "HTTP call {0} not sent: {1}", new Object[] {method, e.toString()});
            return CompletableFuture.failedFuture(
                    new JsonRpcException(ErrorCode.BUS_UNAVAILABLE, "Message bus unavailable"));
        }
        return reply.orTimeout(callTimeoutMs, TimeUnit.MILLISECONDS).whenComplete((r, f) -> pending.remove(callId));
    }

    private void read() {
        long now = System.currentTimeMillis();
        if (now >= nextTtl) {
            redis.client().expire(rx, rxTtlSeconds);
            nextTtl = now + rxTtlSeconds * 1000 / 4;
        }
        var read = redis.client().xread(XReadParams.xReadParams().count(256).block(BLOCK_MS), Map.of(rx, last));
        if (read == null) {
            return;
        }
        for (StreamEntry entry : read.get(0).getValue()) {
            last = entry.getID();
            CompletableFuture<String> call = pending.remove(entry.getFields().get(Fields.CALL));
            if (call != null) {
                call.complete(entry.getFields().get(Fields.MESSAGE));
            }
        }
    }

    private static JsonRpcException unavailable(String message) {
        return new JsonRpcException(ErrorCode.BUS_UNAVAILABLE, message);
    }
}
