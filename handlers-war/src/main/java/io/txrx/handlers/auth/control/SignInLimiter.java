package io.txrx.handlers.auth.control;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.keys.StreamKeys;
import io.txrx.metrics.Meters;
import io.txrx.stream.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

/**
 * Counts failed sign-ins per account and per connection in Redis (so every rpc instance sees the same
 * counts) and refuses more attempts once either reaches its limit, until the window has passed. A success
 * clears the account's count. Both kinds of failure count in {@code txrx_signin_failures_total}: {@code
 * reason="invalid"} (wrong login or password) and {@code reason="limited"} (refused by the limit).
 */
@ApplicationScoped
public class SignInLimiter {

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    @Inject
    @ConfigProperty(name = "txrx.auth.max-failures-per-account")
    int maxPerAccount;

    @Inject
    @ConfigProperty(name = "txrx.auth.max-failures-per-connection")
    int maxPerConnection;

    @Inject
    @ConfigProperty(name = "txrx.auth.failure-window-ms")
    long windowMs;

    @Inject
    MetricRegistry metrics;

    private Counter invalid;
    private Counter limited;

    @PostConstruct
    void meters() {
        Meters meters = Meters.of(metrics);
        String help = "Failed sign-ins on this rpc instance: invalid credentials, or refused by the limit";
        invalid = meters.counter("txrx_signin_failures", help, new Tag("reason", "invalid"));
        limited = meters.counter("txrx_signin_failures", help, new Tag("reason", "limited"));
    }

    /** Throws -32005 when the account or the connection has failed too often lately. */
    public void check(String login, String connection) {
        if (count(accountKey(login)) >= maxPerAccount || count(connectionKey(connection)) >= maxPerConnection) {
            limited.inc();
            throw new JsonRpcException(ErrorCode.RATE_LIMITED, "Too many failed sign-ins: try again later");
        }
    }

    public void failed(String login, String connection) {
        invalid.inc();
        increment(accountKey(login));
        increment(connectionKey(connection));
    }

    public void succeeded(String login) {
        redis.client().del(accountKey(login));
    }

    private long count(String key) {
        String value = redis.client().get(key);
        return value == null ? 0 : Long.parseLong(value);
    }

    private void increment(String key) {
        if (redis.client().incr(key) == 1) {
            redis.client().pexpire(key, windowMs);
        }
    }

    private String accountKey(String login) {
        return keys.key("auth:failures:account:" + login);
    }

    private String connectionKey(String connection) {
        return keys.key("auth:failures:connection:" + connection);
    }
}
