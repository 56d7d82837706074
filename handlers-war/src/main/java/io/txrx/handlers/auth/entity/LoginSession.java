package io.txrx.handlers.auth.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Duration;
import java.time.Instant;

/** A sign-in session: the SHA-256 of its token, its user, and when it ends. */
@Entity
@Table(name = "login_sessions")
@NamedQuery(name = LoginSession.BY_TOKEN_HASH, query = "SELECT s FROM LoginSession s WHERE s.tokenHash = :hash")
@NamedQuery(
        name = LoginSession.REVOKE_ALL_OF_USER,
        query = "UPDATE LoginSession s SET s.revokedAt = :now "
                + "WHERE s.user.id = :user AND s.revokedAt IS NULL AND s.id <> :except")
public class LoginSession {
    public static final String BY_TOKEN_HASH = "LoginSession.byTokenHash";
    public static final String REVOKE_ALL_OF_USER = "LoginSession.revokeAllOfUser";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false, unique = true)
    private String tokenHash;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "user_id")
    private User user;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "last_seen_at", nullable = false)
    private Instant lastSeenAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    protected LoginSession() {}

    public LoginSession(String tokenHash, User user, Instant now, Duration ttl) {
        this.tokenHash = tokenHash;
        this.user = user;
        this.createdAt = now;
        this.lastSeenAt = now;
        this.expiresAt = now.plus(ttl);
    }

    public Long getId() {
        return id;
    }

    public User getUser() {
        return user;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }

    /** Whether the token still signs its user in at {@code now}. */
    public boolean isActive(Instant now) {
        return revokedAt == null && now.isBefore(expiresAt) && !user.isDisabled();
    }

    /** Sliding renewal: used now, so it lasts {@code ttl} from now. */
    public void renew(Instant now, Duration ttl) {
        lastSeenAt = now;
        expiresAt = now.plus(ttl);
    }

    public void revoke(Instant now) {
        if (revokedAt == null) {
            revokedAt = now;
        }
    }
}
