package io.txrx.gateway.channel.control;

import io.txrx.channel.ChannelFields;
import io.txrx.channel.ChannelName;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.regex.Pattern;
import redis.clients.jedis.StreamEntryID;

/** The params of the {@code channel.*} methods, read from a call's params object; anything else is -32602. */
public final class ChannelParams {
    private static final Pattern STREAM_ID = Pattern.compile("\\d{1,19}-\\d{1,19}");
    private static final StreamEntryID START = new StreamEntryID(0, 0);
    private static final int DEFAULT_LIMIT = 100;

    /** @param after the offset to replay after; {@code null} for {@code $} (only new messages) */
    public record Subscribe(String channel, StreamEntryID after) {}

    /** Exactly one of {@code data} and {@code fields} is set. */
    public record Publish(String channel, JsonValue data, Map<String, String> fields) {}

    /** @param to the newest offset to include, or {@code null} for the channel's newest message */
    public record History(String channel, StreamEntryID from, StreamEntryID to, int limit) {}

    private ChannelParams() {}

    /** {@code {channel}}, as {@code channel.unsubscribe} takes it. */
    public static String channel(JsonValue params) {
        return channelOf(object(params, "{channel}"));
    }

    public static Subscribe subscribe(JsonValue params) {
        JsonObject object = object(params, "{channel, offset?}");
        String offset = optionalString(object, "offset");
        return new Subscribe(channelOf(object), offset == null || offset.equals("$") ? null : offset(offset, "offset"));
    }

    public static Publish publish(JsonValue params) {
        JsonObject object = object(params, "{channel, data} or {channel, fields: [k1, v1, ...]}");
        String channel = channelOf(object);
        JsonValue fields = object.get("fields");
        if (object.containsKey("data") == (fields != null)) {
            throw invalid("give either data (any JSON) or fields ([k1, v1, k2, v2, ...]), not both or neither");
        }
        if (fields == null) {
            return new Publish(channel, object.get("data"), null);
        }
        if (!(fields instanceof JsonArray pairs)) {
            throw invalid("fields must be a list [k1, v1, k2, v2, ...]");
        }
        return new Publish(channel, null, ChannelFields.ofPairs(pairs));
    }

    public static History history(JsonValue params, int maxLimit) {
        JsonObject object = object(params, "{channel, from?, to?, limit?}");
        String from = optionalString(object, "from");
        String to = optionalString(object, "to");
        int limit = DEFAULT_LIMIT;
        JsonValue given = object.get("limit");
        if (given != null) {
            if (!(given instanceof JsonNumber number)
                    || !number.isIntegral()
                    || number.longValue() < 1
                    || number.longValue() > maxLimit) {
                throw invalid("limit must be a whole number from 1 to " + maxLimit);
            }
            limit = number.intValue();
        }
        return new History(
                channelOf(object),
                from == null ? START : offset(from, "from"),
                to == null || to.equals("+") ? null : offset(to, "to"),
                Math.min(limit, maxLimit));
    }

    /** {@code 0} (before the first message) or a stream id {@code <ms>-<seq>}. */
    static StreamEntryID offset(String text, String name) {
        if (text.equals("0")) {
            return START;
        }
        if (STREAM_ID.matcher(text).matches()) {
            try {
                int dash = text.indexOf('-');
                return new StreamEntryID(
                        Long.parseLong(text.substring(0, dash)), Long.parseLong(text.substring(dash + 1)));
            } catch (NumberFormatException e) {
                // out of range: refused below like any other bad offset
            }
        }
        throw invalid(name + " must be \"$\", \"0\" or an offset such as \"1718000000000-0\"");
    }

    private static JsonObject object(JsonValue params, String shape) {
        if (!(params instanceof JsonObject object)) {
            throw invalid("params must be an object " + shape);
        }
        return object;
    }

    private static String channelOf(JsonObject params) {
        if (!(params.get("channel") instanceof JsonString channel)) {
            throw invalid("channel must be a string");
        }
        return ChannelName.validate(channel.getString());
    }

    private static String optionalString(JsonObject params, String name) {
        JsonValue value = params.get(name);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (!(value instanceof JsonString string)) {
            throw invalid(name + " must be a string");
        }
        return string.getString();
    }

    private static JsonRpcException invalid(String message) {
        return new JsonRpcException(ErrorCode.INVALID_PARAMS, message);
    }
}
