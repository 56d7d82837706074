-- A profile per user: the example of entity + handler + validation + migration.
CREATE TABLE profiles (
    user_id    BIGINT PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    bio        VARCHAR(500),
    location   VARCHAR(100),
    updated_at TIMESTAMP NOT NULL
);
