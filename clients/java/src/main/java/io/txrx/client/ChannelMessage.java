package io.txrx.client;

import jakarta.json.JsonValue;

/** One message of a channel, as a subscriber gets it (exactly once, in offset order). */
public record ChannelMessage(String channel, String offset, JsonValue data) {}
