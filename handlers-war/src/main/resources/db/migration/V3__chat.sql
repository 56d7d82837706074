-- Chat messages, keyed by their chat stream id (<ms>-<seq>, unique and in sending order), so the writer can
-- insert a message twice without a second row. user_low/user_high name the conversation either way round.
CREATE TABLE chat_messages (
    id_ms          BIGINT       NOT NULL,
    id_seq         BIGINT       NOT NULL,
    sender_id      BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    sender_name    VARCHAR(32)  NOT NULL,
    recipient_id   BIGINT       NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    recipient_name VARCHAR(32)  NOT NULL,
    user_low       BIGINT       NOT NULL,
    user_high      BIGINT       NOT NULL,
    body           TEXT         NOT NULL,
    sent_at        TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (id_ms, id_seq)
);
-- chat.history: one conversation, newest first, by keyset
CREATE INDEX chat_messages_conversation ON chat_messages (user_low, user_high, id_ms DESC, id_seq DESC);
-- chat.conversations: every conversation of a user (user_low = ? OR user_high = ?)
CREATE INDEX chat_messages_high ON chat_messages (user_high, user_low);
-- chat.unread, chat.read: the messages to a user from a peer after the read mark
CREATE INDEX chat_messages_inbox ON chat_messages (recipient_id, sender_id, id_ms, id_seq);

-- How far each user has read each conversation: every message from peer_id up to this id is read.
CREATE TABLE chat_reads (
    user_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    peer_id   BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    up_to_ms  BIGINT NOT NULL,
    up_to_seq BIGINT NOT NULL,
    PRIMARY KEY (user_id, peer_id)
);
