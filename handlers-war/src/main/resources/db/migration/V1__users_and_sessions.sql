-- Users, their roles, and sign-in sessions (the token itself is never stored, only its SHA-256).
CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    email         VARCHAR(254) NOT NULL,
    username      VARCHAR(32)  NOT NULL,
    display_name  VARCHAR(100) NOT NULL,
    password_hash VARCHAR(512) NOT NULL,
    created_at    TIMESTAMP    NOT NULL DEFAULT (now() AT TIME ZONE 'utc'),
    last_login_at TIMESTAMP,
    disabled      BOOLEAN      NOT NULL DEFAULT FALSE
);
CREATE UNIQUE INDEX users_email_unique ON users (lower(email));
CREATE UNIQUE INDEX users_username_unique ON users (lower(username));

CREATE TABLE user_roles (
    user_id BIGINT      NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role    VARCHAR(50) NOT NULL,
    PRIMARY KEY (user_id, role)
);

CREATE TABLE login_sessions (
    id           BIGSERIAL PRIMARY KEY,
    token_hash   CHAR(64)  NOT NULL UNIQUE,
    user_id      BIGINT    NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    created_at   TIMESTAMP NOT NULL,
    expires_at   TIMESTAMP NOT NULL,
    last_seen_at TIMESTAMP NOT NULL,
    revoked_at   TIMESTAMP
);
CREATE INDEX login_sessions_user ON login_sessions (user_id);
