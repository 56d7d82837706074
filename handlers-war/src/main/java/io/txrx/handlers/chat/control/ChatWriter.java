package io.txrx.handlers.chat.control;

import io.txrx.handlers.chat.entity.ChatMessage;
import io.txrx.handlers.chat.entity.MessageId;
import io.txrx.stream.GroupReader;
import io.txrx.stream.Loop;
import io.txrx.stream.PendingClaims;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Persists the chat stream: reads it through the writer group (any number of rpc instances, each a consumer),
 * inserts each batch with one JDBC batch in one transaction, and acks the batch only after the commit. A
 * batch that fails stays pending and is inserted again in the next round; the entries a dead writer left
 * pending are claimed by a live one; and as an insert skips the ids already stored, inserting twice adds no
 * row, so killing a writer anywhere loses nothing and duplicates nothing.
 */
public final class ChatWriter {
    private static final Logger LOG = Logger.getLogger(ChatWriter.class.getName());
    private static final StreamEntryID START = new StreamEntryID(0, 0);
    private static final long TRIM_EVERY_MS = 5000;

    private final GroupReader reader;
    private final ChatStore store;
    private final ChatStream stream;
    private final PendingClaims claims;
    private final Loop loop = new Loop("Chat writer", this::round);
    private long nextTrim;

    public ChatWriter(GroupReader reader, ChatStore store, ChatStream stream, long claimIdleMs) {
        this.reader = reader;
        this.store = store;
        this.stream = stream;
        this.claims = new PendingClaims(reader, claimIdleMs, 0);
    }

    public void start(ExecutorService executor) {
        loop.start(executor);
    }

    public void stop() {
        loop.stop();
    }

    private void round() throws InterruptedException {
        List<StreamEntry> own = reader.readPending(START);
        if (!own.isEmpty()) {
            persist(own);
            return;
        }
        long now = System.currentTimeMillis();
        claims.claimIfDue(now, loop::running, this::persist);
        if (now >= nextTrim) {
            nextTrim = now + TRIM_EVERY_MS;
            stream.trim();
        }
        persist(reader.readNew());
    }

    private void persist(List<StreamEntry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        List<ChatMessage> messages = new ArrayList<>(entries.size());
        for (StreamEntry entry : entries) {
            if (entry.getFields() == null) {
                continue; // trimmed away: nothing to keep
            }
            try {
                messages.add(ChatMessage.of(
                        new MessageId(entry.getID().getTime(), entry.getID().getSequence()), entry.getFields()));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "Chat entry {0} is no message, skipped: {1}", new Object[] {
                    entry.getID(), e.getMessage()
                });
            }
        }
        try {
            int inserted = store.insert(messages);
            LOG.log(Level.FINE, "Persisted {0} chat message(s), {1} new", new Object[] {messages.size(), inserted});
        } catch (SQLException e) {
            throw new IllegalStateException("Chat batch of " + messages.size() + " not persisted: " + e, e);
        }
        reader.ack(entries.stream().map(StreamEntry::getID).toArray(StreamEntryID[]::new));
    }
}
