package io.txrx.handlers.chat.control;

import io.txrx.handlers.chat.control.ChatParams.UserRef;
import io.txrx.handlers.chat.control.Pages.Conversation;
import io.txrx.handlers.chat.entity.ChatMessage;
import io.txrx.handlers.chat.entity.MessageId;
import io.txrx.handlers.chat.entity.Peer;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The chat tables (V3__chat.sql) through plain JDBC: batch inserts that skip a message already stored (the
 * writer may insert a batch twice), and the keyset queries of history, unread and conversations, each on an
 * index. Each read runs in one repeatable-read transaction, so the rows it reads and its check of which
 * stream messages are stored see the same moment.
 */
@ApplicationScoped
public class ChatStore {
    private static final String COLUMNS =
            "m.id_ms, m.id_seq, m.sender_id, m.sender_name, m.recipient_id," + " m.recipient_name, m.body";
    private static final String INSERT = "INSERT INTO chat_messages (id_ms, id_seq, sender_id, sender_name,"
            + " recipient_id, recipient_name, user_low, user_high, body, sent_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id_ms, id_seq) DO NOTHING";
    private static final String HISTORY = "SELECT " + COLUMNS + " FROM chat_messages m"
            + " WHERE m.user_low = ? AND m.user_high = ? AND (m.id_ms, m.id_seq) < (?, ?)"
            + " ORDER BY m.id_ms DESC, m.id_seq DESC LIMIT ?";
    private static final String MARK = "COALESCE(r.up_to_ms, 0), COALESCE(r.up_to_seq, 0)";
    private static final String UNREAD = "SELECT " + COLUMNS + " FROM chat_messages m"
            + " LEFT JOIN chat_reads r ON r.user_id = m.recipient_id AND r.peer_id = m.sender_id"
            + " WHERE m.recipient_id = ? AND (m.id_ms, m.id_seq) > (" + MARK + ")"
            + " ORDER BY m.id_ms, m.id_seq LIMIT ?";
    private static final String CONVERSATIONS = "WITH last AS ("
            + " SELECT DISTINCT ON (m.user_low, m.user_high) " + COLUMNS + ","
            + " CASE WHEN m.sender_id = ? THEN m.recipient_id ELSE m.sender_id END AS peer"
            + " FROM chat_messages m WHERE m.user_low = ? OR m.user_high = ?"
            + " ORDER BY m.user_low, m.user_high, m.id_ms DESC, m.id_seq DESC)"
            + " SELECT m.*, (SELECT count(*) FROM chat_messages u WHERE u.recipient_id = ? AND u.sender_id = m.peer"
            + " AND (u.id_ms, u.id_seq) > (" + MARK + ")) AS unread"
            + " FROM last m LEFT JOIN chat_reads r ON r.user_id = ? AND r.peer_id = m.peer"
            + " ORDER BY m.id_ms DESC, m.id_seq DESC";

    @Resource(lookup = "java:app/jdbc/txrx")
    DataSource dataSource;

    /** A unit of work on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Inserts the messages in one batch and one transaction; answers how many were new. */
    public int insert(List<ChatMessage> messages) throws SQLException {
        if (messages.isEmpty()) {
            return 0;
        }
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, db -> {
            try (PreparedStatement insert = db.prepareStatement(INSERT)) {
                for (ChatMessage m : messages) {
                    insert.setLong(1, m.id().ms());
                    insert.setLong(2, m.id().seq());
                    insert.setLong(3, m.from().id());
                    insert.setString(4, m.from().username());
                    insert.setLong(5, m.to().id());
                    insert.setString(6, m.to().username());
                    insert.setLong(7, Math.min(m.from().id(), m.to().id()));
                    insert.setLong(8, Math.max(m.from().id(), m.to().id()));
                    insert.setString(9, m.text());
                    insert.setObject(10, OffsetDateTime.ofInstant(m.id().at(), ZoneOffset.UTC));
                    insert.addBatch();
                }
                int inserted = 0;
                for (int count : insert.executeBatch()) {
                    inserted += Math.max(count, 0);
                }
                return inserted;
            }
        });
    }

    /** The user a client named: by username (any case), or by id. */
    public Optional<Peer> user(UserRef ref) throws SQLException {
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, db -> {
            if (ref.username() != null) {
                Optional<Peer> byName =
                        one(db, "SELECT id, username FROM users WHERE lower(username) = lower(?)", ref.username());
                if (byName.isPresent() || !ref.username().matches("\\d{1,18}")) {
                    return byName;
                }
                return one(db, "SELECT id, username FROM users WHERE id = ?", Long.parseLong(ref.username()));
            }
            return one(db, "SELECT id, username FROM users WHERE id = ?", ref.id());
        });
    }

    /** Reads within one repeatable-read transaction. */
    public <T> T read(Work<T> work) throws SQLException {
        return inTransaction(Connection.TRANSACTION_REPEATABLE_READ, work);
    }

    /** The newest {@code limit} messages between the two users older than {@code before}, newest first. */
    public List<ChatMessage> history(Connection db, long me, long peer, MessageId before, int limit)
            throws SQLException {
        try (PreparedStatement select = db.prepareStatement(HISTORY)) {
            select.setLong(1, Math.min(me, peer));
            select.setLong(2, Math.max(me, peer));
            select.setLong(3, before.ms());
            select.setLong(4, before.seq());
            select.setInt(5, limit);
            return messages(select);
        }
    }

    /** The oldest {@code max} unread messages to the user. */
    public List<ChatMessage> unread(Connection db, long me, int max) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(UNREAD)) {
            select.setLong(1, me);
            select.setInt(2, max);
            return messages(select);
        }
    }

    /** The user's conversations with their last message and unread count, most recent first. */
    public List<Conversation> conversations(Connection db, long me) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(CONVERSATIONS)) {
            for (int i = 1; i <= 5; i++) {
                select.setLong(i, me);
            }
            List<Conversation> conversations = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ChatMessage last = message(rows);
                    conversations.add(new Conversation(last.peerOf(me), last, rows.getLong("unread")));
                }
            }
            return conversations;
        }
    }

    /** The user's read marks, by peer. */
    public Map<Long, MessageId> marks(Connection db, long me) throws SQLException {
        Map<Long, MessageId> marks = new HashMap<>();
        try (PreparedStatement select =
                db.prepareStatement("SELECT peer_id, up_to_ms, up_to_seq FROM chat_reads WHERE user_id = ?")) {
            select.setLong(1, me);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    marks.put(rows.getLong(1), new MessageId(rows.getLong(2), rows.getLong(3)));
                }
            }
        }
        return marks;
    }

    /** Which of these messages are stored. */
    public Set<MessageId> stored(Connection db, Collection<ChatMessage> messages) throws SQLException {
        Set<MessageId> stored = new HashSet<>();
        if (messages.isEmpty()) {
            return stored;
        }
        try (PreparedStatement select = db.prepareStatement("SELECT id_ms, id_seq FROM chat_messages"
                + " WHERE (id_ms, id_seq) IN (SELECT * FROM unnest(?::bigint[], ?::bigint[]))")) {
            select.setArray(
                    1,
                    db.createArrayOf(
                            "bigint", messages.stream().map(m -> m.id().ms()).toArray()));
            select.setArray(
                    2,
                    db.createArrayOf(
                            "bigint", messages.stream().map(m -> m.id().seq()).toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    stored.add(new MessageId(rows.getLong(1), rows.getLong(2)));
                }
            }
        }
        return stored;
    }

    /**
     * Moves the user's read mark of the peer up to the newest message from the peer at or before
     * {@code upTo} (never back, never past the last message: messages still to come stay unread), under a
     * row lock held while {@code passed} finds the messages it passes, so two marks never count one message
     * twice; answers how many it passed.
     */
    public long mark(long me, long peer, MessageId upTo, Passed passed) throws SQLException {
        return inTransaction(Connection.TRANSACTION_READ_COMMITTED, db -> {
            try (PreparedStatement ensure = db.prepareStatement("INSERT INTO chat_reads (user_id, peer_id,"
                    + " up_to_ms, up_to_seq) VALUES (?, ?, 0, 0) ON CONFLICT DO NOTHING")) {
                ensure.setLong(1, me);
                ensure.setLong(2, peer);
                ensure.executeUpdate();
            }
            MessageId before;
            try (PreparedStatement lock = db.prepareStatement(
                    "SELECT up_to_ms, up_to_seq FROM chat_reads" + " WHERE user_id = ? AND peer_id = ? FOR UPDATE")) {
                lock.setLong(1, me);
                lock.setLong(2, peer);
                try (ResultSet row = lock.executeQuery()) {
                    row.next();
                    before = new MessageId(row.getLong(1), row.getLong(2));
                }
            }
            if (!before.before(upTo)) {
                return 0L;
            }
            List<MessageId> ids = passed.between(db, before);
            if (ids.isEmpty()) {
                return 0L;
            }
            MessageId newest = ids.stream().max(MessageId::compareTo).orElseThrow();
            try (PreparedStatement update = db.prepareStatement(
                    "UPDATE chat_reads SET up_to_ms = ?, up_to_seq = ?" + " WHERE user_id = ? AND peer_id = ?")) {
                update.setLong(1, newest.ms());
                update.setLong(2, newest.seq());
                update.setLong(3, me);
                update.setLong(4, peer);
                update.executeUpdate();
            }
            return (long) ids.size();
        });
    }

    /** The ids of the messages a read mark passes, from the mark before it (exclusive). */
    @FunctionalInterface
    public interface Passed {
        List<MessageId> between(Connection db, MessageId from) throws SQLException;
    }

    /** The ids of the stored messages from {@code peer} to {@code me} in {@code (from, upTo]}. */
    public List<MessageId> idsBetween(Connection db, long me, long peer, MessageId from, MessageId upTo)
            throws SQLException {
        try (PreparedStatement select = db.prepareStatement(
                "SELECT id_ms, id_seq FROM chat_messages"
                        + " WHERE recipient_id = ? AND sender_id = ? AND (id_ms, id_seq) > (?, ?) AND (id_ms, id_seq) <= (?, ?)")) {
            select.setLong(1, me);
            select.setLong(2, peer);
            select.setLong(3, from.ms());
            select.setLong(4, from.seq());
            select.setLong(5, upTo.ms());
            select.setLong(6, upTo.seq());
            List<MessageId> ids = new ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(new MessageId(rows.getLong(1), rows.getLong(2)));
                }
            }
            return ids;
        }
    }

    private <T> T inTransaction(int isolation, Work<T> work) throws SQLException {
        try (Connection db = dataSource.getConnection()) {
            boolean autoCommit = db.getAutoCommit();
            int level = db.getTransactionIsolation();
            db.setAutoCommit(false);
            db.setTransactionIsolation(isolation);
            try {
                T result = work.run(db);
                db.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setTransactionIsolation(level);
                db.setAutoCommit(autoCommit);
            }
        }
    }

    private static Optional<Peer> one(Connection db, String sql, Object key) throws SQLException {
        try (PreparedStatement select = db.prepareStatement(sql)) {
            select.setObject(1, key);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? Optional.of(new Peer(row.getLong(1), row.getString(2))) : Optional.empty();
            }
        }
    }

    private static List<ChatMessage> messages(PreparedStatement select) throws SQLException {
        List<ChatMessage> messages = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                messages.add(message(rows));
            }
        }
        return messages;
    }

    private static ChatMessage message(ResultSet row) throws SQLException {
        return new ChatMessage(
                new MessageId(row.getLong("id_ms"), row.getLong("id_seq")),
                new Peer(row.getLong("sender_id"), row.getString("sender_name")),
                new Peer(row.getLong("recipient_id"), row.getString("recipient_name")),
                row.getString("body"));
    }
}
