package io.txrx.handlers.auth.control;

import io.txrx.handlers.auth.entity.LoginSession;
import io.txrx.handlers.auth.entity.User;
import io.txrx.identity.Caller;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Users and their sign-in sessions in the database. Callers bring the transaction. */
@ApplicationScoped
public class Accounts {
    private static final String UNIQUE_VIOLATION = "23505";

    @PersistenceContext(unitName = "txrx")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "txrx.auth.session-ttl-s")
    long sessionTtlSeconds;

    public Optional<User> byLogin(String login) {
        return em.createNamedQuery(User.BY_LOGIN, User.class)
                .setParameter("login", login.toLowerCase())
                .getResultStream()
                .findFirst();
    }

    public User byId(long id) {
        User user = em.find(User.class, id);
        if (user == null) {
            throw new JsonRpcException(ErrorCode.INVALID_PARAMS, "No user " + id);
        }
        return user;
    }

    /** Stores a new user; -32010 when the email or username is taken. */
    public User create(User user) {
        if (byLogin(user.getEmail()).isPresent() || byLogin(user.getUsername()).isPresent()) {
            throw taken();
        }
        try {
            em.persist(user);
            em.flush();
            return user;
        } catch (PersistenceException e) {
            if (isUniqueViolation(e)) {
                throw taken();
            }
            throw e;
        }
    }

    public List<User> page(int page, int size) {
        return em.createNamedQuery(User.PAGE, User.class)
                .setFirstResult(page * size)
                .setMaxResults(size)
                .getResultList();
    }

    public long count() {
        return em.createNamedQuery(User.COUNT, Long.class).getSingleResult();
    }

    /** A new session with its token, the only time the token exists in clear. */
    public record Opened(String token, LoginSession session) {}

    public Opened openSession(User user, Instant now) {
        String token = Tokens.generate();
        LoginSession session = new LoginSession(Tokens.hash(token), user, now, sessionTtl());
        em.persist(session);
        em.flush();
        return new Opened(token, session);
    }

    public Optional<LoginSession> sessionOf(String token) {
        return em.createNamedQuery(LoginSession.BY_TOKEN_HASH, LoginSession.class)
                .setParameter("hash", Tokens.hash(token))
                .getResultStream()
                .findFirst();
    }

    public Optional<LoginSession> session(long id) {
        return Optional.ofNullable(em.find(LoginSession.class, id));
    }

    /** Ends every session of the user but {@code except} (-1 for none). */
    public void revokeSessions(User user, long except, Instant now) {
        em.createNamedQuery(LoginSession.REVOKE_ALL_OF_USER)
                .setParameter("now", now)
                .setParameter("user", user.getId())
                .setParameter("except", except)
                .executeUpdate();
    }

    public Duration sessionTtl() {
        return Duration.ofSeconds(sessionTtlSeconds);
    }

    /** The caller a socket is bound to after signing in with a session. */
    public static Caller callerOf(LoginSession session) {
        User user = session.getUser();
        return new Caller(
                user.getId().toString(),
                user.getUsername(),
                user.getRoles(),
                session.getId().toString());
    }

    private static JsonRpcException taken() {
        return new JsonRpcException(ErrorCode.CONFLICT, "Email or username already registered");
    }

    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
