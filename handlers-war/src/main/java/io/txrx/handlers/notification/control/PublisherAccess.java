package io.txrx.handlers.notification.control;

import io.txrx.handlers.auth.control.Accounts;
import io.txrx.handlers.auth.entity.LoginSession;
import io.txrx.identity.Caller;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may publish notifications and read reports: an admin signed in on the socket, or whoever presents
 * ({@code auth}, the gateway's {@code Authorization: Bearer}) one of the configured API keys or the session
 * token of an admin. Nothing presented, or a key or token that is no valid one: -32001; a valid session
 * of someone who is not an admin (or a socket signed in as one): -32003.
 */
@ApplicationScoped
public class PublisherAccess {
    public static final String ADMIN = "admin";
    static final String API_KEY = "api-key";

    @Inject
    Accounts accounts;

    @Inject
    @ConfigProperty(name = "txrx.notifications.api-keys")
    Optional<String> apiKeyList;

    private ApiKeys apiKeys;

    @PostConstruct
    void load() {
        apiKeys = ApiKeys.of(apiKeyList.orElse(null));
    }

    /** Answers who is acting ({@code api-key} or {@code user:<id>}), or throws -32001 / -32003. */
    @Transactional
    public String require(Optional<Caller> caller, String auth) {
        if (caller.isPresent() && caller.get().hasRole(ADMIN)) {
            return "user:" + caller.get().id();
        }
        if (auth == null || auth.isBlank()) {
            if (caller.isPresent()) {
                throw forbidden();
            }
            throw new JsonRpcException(
                    ErrorCode.UNAUTHORIZED, "Authorization required: an API key or an admin's session token");
        }
        if (apiKeys.matches(auth)) {
            return API_KEY;
        }
        LoginSession session = accounts.sessionOf(auth)
                .filter(s -> s.isActive(Instant.now()))
                .orElseThrow(() -> new JsonRpcException(ErrorCode.UNAUTHORIZED, "Invalid API key or token"));
        Caller holder = Accounts.callerOf(session);
        if (!holder.hasRole(ADMIN) || session.getUser().isDisabled()) {
            throw forbidden();
        }
        return "user:" + holder.id();
    }

    private static JsonRpcException forbidden() {
        return new JsonRpcException(ErrorCode.FORBIDDEN, "Forbidden: only an admin or an API key may do this");
    }
}
