package io.txrx.handlers.chat.control;

import io.txrx.handlers.chat.entity.ChatMessage;
import io.txrx.handlers.chat.entity.MessageId;
import io.txrx.handlers.chat.entity.Peer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the table's rows and the stream's not yet persisted messages become one page: merged by id (a message
 * in both counts once), filtered by the keyset, cut to the limit. Pure, so the paging rules are unit tested.
 */
public final class Pages {

    /** One page of a conversation, oldest first; {@code next} is the {@code before} of the older page, or null. */
    public record Page(List<ChatMessage> messages, MessageId next) {}

    /** A conversation as {@code chat.conversations} lists it. */
    public record Conversation(Peer peer, ChatMessage last, long unread) {}

    private Pages() {}

    /**
     * The page of messages older than {@code before}: {@code rows} are the table's newest such rows (up to
     * {@code limit + 1}, newest first), {@code unpersisted} the stream's messages of this conversation.
     */
    public static Page history(
            List<ChatMessage> rows, Collection<ChatMessage> unpersisted, MessageId before, int limit) {
        Map<MessageId, ChatMessage> merged = new TreeMap<>(Comparator.reverseOrder());
        rows.forEach(m -> merged.put(m.id(), m));
        unpersisted.stream().filter(m -> m.id().before(before)).forEach(m -> merged.putIfAbsent(m.id(), m));
        List<ChatMessage> newestFirst = new ArrayList<>(merged.values());
        boolean older = newestFirst.size() > limit;
        List<ChatMessage> page = new ArrayList<>(newestFirst.subList(0, Math.min(limit, newestFirst.size())));
        page.sort(Comparator.comparing(ChatMessage::id));
        return new Page(page, older ? page.get(0).id() : null);
    }

    /**
     * The unread messages to {@code me}, oldest first, at most {@code max}: the table's and those of the
     * stream newer than the read mark of their sender ({@code marks}, sender id → mark).
     */
    public static List<ChatMessage> unread(
            List<ChatMessage> rows, Collection<ChatMessage> unpersisted, long me, Map<Long, MessageId> marks, int max) {
        Map<MessageId, ChatMessage> merged = new TreeMap<>();
        rows.forEach(m -> merged.put(m.id(), m));
        unpersisted.stream()
                .filter(m -> m.to().id() == me)
                .filter(m -> marks.getOrDefault(m.from().id(), MessageId.OLDEST).before(m.id()))
                .forEach(m -> merged.putIfAbsent(m.id(), m));
        return merged.values().stream().limit(max).toList();
    }

    /**
     * The conversations of {@code me}, most recent first: the table's, updated with the stream's messages
     * that are not in the table yet ({@code unpersisted}, none of which is in {@code rows}).
     */
    public static List<Conversation> conversations(
            List<Conversation> rows, Collection<ChatMessage> unpersisted, long me, Map<Long, MessageId> marks) {
        Map<Long, Conversation> byPeer = new LinkedHashMap<>();
        rows.forEach(c -> byPeer.put(c.peer().id(), c));
        for (ChatMessage message : unpersisted) {
            if (!message.involves(me)) {
                continue;
            }
            Peer peer = message.peerOf(me);
            Conversation known = byPeer.get(peer.id());
            boolean unread = message.to().id() == me
                    && marks.getOrDefault(peer.id(), MessageId.OLDEST).before(message.id());
            ChatMessage last = known == null || known.last().id().before(message.id()) ? message : known.last();
            byPeer.put(
                    peer.id(), new Conversation(peer, last, (known == null ? 0 : known.unread()) + (unread ? 1 : 0)));
        }
        List<Conversation> all = new ArrayList<>(byPeer.values());
        all.sort(Comparator.comparing((Conversation c) -> c.last().id()).reversed());
        return all;
    }

    /** How many messages from {@code peer} to {@code me} lie in {@code (from, upTo]}. */
    public static long within(Collection<ChatMessage> messages, long me, long peer, MessageId from, MessageId upTo) {
        return messages.stream()
                .filter(m -> m.to().id() == me && m.from().id() == peer)
                .filter(m -> from.before(m.id()) && !upTo.before(m.id()))
                .count();
    }
}
