package io.txrx.handlers.chat.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.txrx.handlers.chat.entity.ChatMessage;
import io.txrx.handlers.chat.entity.MessageId;
import io.txrx.handlers.chat.entity.Peer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Paging by keyset over the table and the stream's tail, and what counts as unread. */
class PagesTest {
    private static final Peer ANN = new Peer(1, "ann");
    private static final Peer BOB = new Peer(2, "bob");
    private static final Peer CAROL = new Peer(3, "carol");

    @Test
    void pagesGoBackwardsOldestFirstWithinAPageAndStayStableWhileMessagesArrive() {
        List<ChatMessage> table = new ArrayList<>(
                IntStream.rangeClosed(1, 5).mapToObj(i -> message(i, ANN, BOB)).toList());

        Pages.Page first = page(table, List.of(), MessageId.NEWEST, 2);
        assertEquals(List.of("4-0", "5-0"), ids(first));
        assertEquals("4-0", first.next().toString());

        table.add(message(6, BOB, ANN));
        table.add(message(7, ANN, BOB));
        Pages.Page second = page(table, List.of(), first.next(), 2);
        assertEquals(List.of("2-0", "3-0"), ids(second), "new messages do not shift older pages");

        Pages.Page last = page(table, List.of(), second.next(), 2);
        assertEquals(List.of("1-0"), ids(last));
        assertNull(last.next(), "no older page");
    }

    @Test
    void aMessageStillInTheStreamIsOnTheFirstPageAndOnceOnlyWhenAlsoInTheTable() {
        List<ChatMessage> table = List.of(message(1, ANN, BOB), message(2, BOB, ANN));
        List<ChatMessage> stream = List.of(message(2, BOB, ANN), message(3, ANN, BOB));

        Pages.Page page = page(table, stream, MessageId.NEWEST, 10);

        assertEquals(List.of("1-0", "2-0", "3-0"), ids(page));
        assertNull(page.next());
        assertEquals(List.of("1-0"), ids(page(table, stream, new MessageId(2, 0), 10)), "the keyset holds for both");
    }

    @Test
    void unreadIsWhatCameAfterTheReadMarkOfEachSender() {
        List<ChatMessage> stream = List.of(message(4, BOB, ANN), message(5, CAROL, ANN), message(6, ANN, BOB));

        List<ChatMessage> unread = Pages.unread(
                List.of(message(3, BOB, ANN)), stream, ANN.id(), Map.of(CAROL.id(), new MessageId(5, 0)), 10);

        assertEquals(
                List.of("3-0", "4-0"),
                unread.stream().map(m -> m.id().toString()).toList());
    }

    @Test
    void conversationsTakeTheStreamsNewerMessagesAndCountTheUnreadOnes() {
        Pages.Conversation withBob = new Pages.Conversation(BOB, message(2, BOB, ANN), 1);
        Pages.Conversation withCarol = new Pages.Conversation(CAROL, message(3, ANN, CAROL), 0);

        List<Pages.Conversation> list = Pages.conversations(
                List.of(withCarol, withBob), List.of(message(4, BOB, ANN), message(5, BOB, CAROL)), ANN.id(), Map.of());

        assertEquals(
                List.of(BOB, CAROL), list.stream().map(Pages.Conversation::peer).toList());
        assertEquals("4-0", list.get(0).last().id().toString());
        assertEquals(2, list.get(0).unread());
    }

    @Test
    void aReadMarkCountsTheMessagesItPasses() {
        List<ChatMessage> messages = List.of(message(1, BOB, ANN), message(2, ANN, BOB), message(3, BOB, ANN));
        assertEquals(2, Pages.within(messages, ANN.id(), BOB.id(), MessageId.OLDEST, new MessageId(3, 0)));
        assertEquals(1, Pages.within(messages, ANN.id(), BOB.id(), new MessageId(1, 0), new MessageId(9, 0)));
        assertEquals(0, Pages.within(messages, BOB.id(), ANN.id(), new MessageId(2, 0), new MessageId(9, 0)));
    }

    /** What the table would answer: the newest limit + 1 rows before the keyset. */
    private static Pages.Page page(List<ChatMessage> table, List<ChatMessage> stream, MessageId before, int limit) {
        List<ChatMessage> rows = table.stream()
                .filter(m -> m.id().before(before))
                .sorted(Comparator.comparing(ChatMessage::id).reversed())
                .limit(limit + 1)
                .toList();
        return Pages.history(rows, stream, before, limit);
    }

    private static List<String> ids(Pages.Page page) {
        return page.messages().stream().map(m -> m.id().toString()).toList();
    }

    private static ChatMessage message(long ms, Peer from, Peer to) {
        return new ChatMessage(new MessageId(ms, 0), from, to, "text " + ms);
    }
}
