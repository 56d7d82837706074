package io.txrx.stream;

import redis.clients.jedis.StreamEntryID;

/** An entry to XACK once the output it produced is written. */
public record Ack(String stream, String group, StreamEntryID id) {}
