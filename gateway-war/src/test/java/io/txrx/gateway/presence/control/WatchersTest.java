package io.txrx.gateway.presence.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.txrx.gateway.control.RateLimit;
import io.txrx.gateway.control.SendQueue;
import io.txrx.gateway.control.Socket;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who is told that a watched user came or went, and when nobody is. */
class WatchersTest {
    private final Watchers cut = new Watchers();
    private final Socket ann = socket("ann");
    private final Socket bob = socket("bob");

    @Test
    void aChangeIsPushedOnceToEveryWatcherUnderTheNameItGave() {
        cut.watch(ann, Map.of("carol", "Carol"), Map.of("carol", false));
        cut.watch(bob, Map.of("carol", "carol"), Map.of("carol", false));

        List<Watchers.Push> pushes = cut.seen(Map.of("carol", true));

        assertEquals(List.of(new Watchers.Push(ann, "Carol", true), new Watchers.Push(bob, "carol", true)), pushes);
        assertEquals(List.of(), cut.seen(Map.of("carol", true)), "seen again without a change: nothing");
        assertEquals(
                1,
                cut.seen(Map.of("carol", false)).stream()
                        .filter(p -> p.socket() == ann)
                        .count());
    }

    @Test
    void aWatcherArrivingAfterAnUntoldChangeGetsItsStateInTheReplyAndTheOthersAPush() {
        cut.watch(ann, Map.of("carol", "carol"), Map.of("carol", false));

        List<Watchers.Push> pushes = cut.watch(bob, Map.of("carol", "carol"), Map.of("carol", true));

        assertEquals(List.of(new Watchers.Push(ann, "carol", true)), pushes);
        assertEquals(List.of(), cut.seen(Map.of("carol", true)));
    }

    @Test
    void unwatchedAndClosedSocketsHearNothing() {
        cut.watch(ann, Map.of("carol", "carol", "dave", "dave"), Map.of("carol", false, "dave", false));
        cut.watch(bob, Map.of("carol", "carol"), Map.of("carol", false));

        assertEquals(1, cut.unwatch(ann, List.of("carol", "erin")));
        cut.closed(bob);

        assertEquals(List.of(), cut.seen(Map.of("carol", true)));
        assertEquals(List.of("dave"), cut.users());
        assertEquals(1, cut.count(ann));
    }

    private static Socket socket(String id) {
        Session session = (Session) Proxy.newProxyInstance(
                WatchersTest.class.getClassLoader(),
                new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "isOpen" -> true;
                    case "hashCode" -> id.hashCode();
                    case "equals" -> proxy == args[0];
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return new Socket(session, new RateLimit(10, 10, 0), new SendQueue(100, 1 << 20));
    }
}
