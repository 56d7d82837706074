package io.txrx.dispatcher.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import redis.clients.jedis.StreamEntryID;

/** What to write for one batch of TX entries: forwards, "method not found" replies, and the entries to ack. */
public final class RoutingPlan {

    /** One entry to append to a stream. */
    public record Append(String stream, Map<String, String> fields) {}

    private final List<Append> appends = new ArrayList<>();
    private final List<StreamEntryID> acks = new ArrayList<>();

    void forward(String stream, Map<String, String> fields, StreamEntryID id) {
        appends.add(new Append(stream, fields));
        acks.add(id);
    }

    void answer(String stream, Map<String, String> reply, StreamEntryID id) {
        appends.add(new Append(stream, reply));
        acks.add(id);
    }

    void drop(StreamEntryID id) {
        acks.add(id);
    }

    public List<Append> appends() {
        return appends;
    }

    public List<StreamEntryID> acks() {
        return acks;
    }
}
