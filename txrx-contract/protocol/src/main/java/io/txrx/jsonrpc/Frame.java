package io.txrx.jsonrpc;

import java.util.List;

/**
 * A parsed WebSocket text frame: a single request or a batch, each entry either a valid {@link Call} or a
 * {@link Rejection}.
 *
 * @param batch whether the client sent an array (its replies then go back as one array)
 * @param entries the calls and rejections in the order the client sent them
 * @param calls the valid calls among the entries, in order
 */
public record Frame(boolean batch, List<FrameEntry> entries, List<Call> calls) {

    /** A frame of these entries; its calls are picked out once, as every frame is read several times. */
    public Frame(boolean batch, List<FrameEntry> entries) {
        this(
                batch,
                entries,
                entries.stream()
                        .filter(Call.class::isInstance)
                        .map(Call.class::cast)
                        .toList());
    }

    public static Frame single(FrameEntry entry) {
        return new Frame(false, List.of(entry));
    }

    /** How many responses the frame gets: one per entry but notifications. */
    public int expectedReplies() {
        return entries.size()
                - (int) calls.stream().filter(Call::isNotification).count();
    }
}
