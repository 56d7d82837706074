-- Notifications, kept for reports: the newest first per topic, per addressed user, and overall.
CREATE TABLE notifications (
    id         BIGSERIAL PRIMARY KEY,
    topic      VARCHAR(100) NOT NULL,
    user_id    BIGINT REFERENCES users (id) ON DELETE CASCADE,
    title      VARCHAR(200) NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    data       TEXT,
    sender     VARCHAR(100) NOT NULL,
    created_at TIMESTAMP NOT NULL
);
CREATE INDEX notifications_by_topic ON notifications (topic, created_at DESC, id DESC);
CREATE INDEX notifications_by_user ON notifications (user_id, created_at DESC, id DESC) WHERE user_id IS NOT NULL;
CREATE INDEX notifications_by_time ON notifications (created_at DESC, id DESC);
