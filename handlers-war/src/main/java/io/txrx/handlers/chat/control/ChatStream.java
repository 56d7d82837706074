package io.txrx.handlers.chat.control;

import io.txrx.handlers.chat.entity.ChatMessage;
import io.txrx.handlers.chat.entity.MessageId;
import io.txrx.keys.StreamKeys;
import io.txrx.stream.NodePipelines;
import io.txrx.stream.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.params.XAddParams;
import redis.clients.jedis.params.XTrimParams;
import redis.clients.jedis.resps.StreamEntry;
import redis.clients.jedis.resps.StreamGroupInfo;
import redis.clients.jedis.resps.StreamPendingSummary;

/**
 * The chat stream ({@code <prefix>chat}): every sent message is appended here first, and the chat writer's
 * group ({@value #GROUP}) persists it. A message is not persisted yet while it is pending in the group or
 * after the group's last delivered entry: {@link #unpersisted} reads those back, so history sees a message
 * the moment it was sent (read-your-writes). The writer trims what lies before them.
 */
@ApplicationScoped
public class ChatStream {
    private static final Logger LOG = Logger.getLogger(ChatStream.class.getName());
    public static final String GROUP = "chat-writer";
    /** The most not yet persisted messages looked at (the newest): the writer keeps far below that. */
    static final int UNPERSISTED_MAX = 1000;

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    public String key() {
        return keys.key("chat");
    }

    /** Appends a message; answers its id. */
    public MessageId append(Map<String, String> fields) {
        StreamEntryID id = redis.client().xadd(key(), XAddParams.xAddParams(), fields);
        return new MessageId(id.getTime(), id.getSequence());
    }

    /**
     * Counts a send of {@code user} in the current second; answers whether it is within {@code perSecond}.
     * The count lives in Redis, so the limit holds across every rpc instance.
     */
    public boolean withinRate(long user, int perSecond, long nowMs) {
        String key = keys.key("chat:rate:" + user + ":" + nowMs / 1000);
        Response<Long> count;
        try (NodePipelines pipelines = redis.pipelines()) {
            Pipeline pipeline = pipelines.on(key);
            count = pipeline.incr(key);
            pipeline.pexpire(key, 2000);
            pipelines.sync();
        }
        return count.get() <= perSecond;
    }

    /** The newest messages not persisted yet (up to {@value #UNPERSISTED_MAX}), oldest first. */
    public List<ChatMessage> unpersisted() {
        StreamEntryID from = firstUnpersisted();
        if (from == null) {
            return List.of();
        }
        List<StreamEntry> entries = redis.client().xrevrange(key(), StreamEntryID.MAXIMUM_ID, from, UNPERSISTED_MAX);
        List<ChatMessage> messages = new ArrayList<>(entries.size());
        for (int i = entries.size() - 1; i >= 0; i--) {
            StreamEntry entry = entries.get(i);
            try {
                messages.add(ChatMessage.of(
                        new MessageId(entry.getID().getTime(), entry.getID().getSequence()), entry.getFields()));
            } catch (IllegalArgumentException e) {
                LOG.log(Level.FINE, "Skipping entry {0}: {1}", new Object[] {entry.getID(), e.getMessage()});
            }
        }
        return messages;
    }

    /** Drops the entries before the first one not persisted yet (approximately: whole nodes only). */
    public void trim() {
        StreamEntryID from = firstUnpersisted();
        if (from != null && from.getTime() > 0) {
            redis.client()
                    .xtrim(
                            key(),
                            XTrimParams.xTrimParams().minId(from.toString()).approximateTrimming());
        }
    }

    /**
     * The lowest id that may not be persisted: the group's first pending entry, else the one after its last
     * delivered entry; the whole stream when the group does not exist; null when there is no stream. The
     * group's last delivered id is read before its pending entries, so an entry delivered in between is
     * counted as pending or as not delivered, never missed.
     */
    private StreamEntryID firstUnpersisted() {
        List<StreamGroupInfo> groups;
        try {
            groups = redis.client().xinfoGroups(key());
        } catch (JedisDataException e) {
            return null; // no stream yet: nothing was sent
        }
        StreamGroupInfo group = groups.stream()
                .filter(g -> GROUP.equals(g.getName()))
                .findFirst()
                .orElse(null);
        if (group == null) {
            return new StreamEntryID(0, 0);
        }
        StreamEntryID delivered = group.getLastDeliveredId();
        StreamPendingSummary pending = redis.client().xpending(key(), GROUP);
        StreamEntryID afterDelivered = new StreamEntryID(delivered.getTime(), delivered.getSequence() + 1);
        if (pending.getTotal() > 0
                && pending.getMinId() != null
                && pending.getMinId().compareTo(afterDelivered) < 0) {
            return pending.getMinId();
        }
        return afterDelivered;
    }
}
