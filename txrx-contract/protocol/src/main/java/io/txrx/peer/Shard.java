package io.txrx.peer;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.List;

/** What one RPC service instance can handle, and the stream its calls go to. */
public record Shard(String service, String stream, List<String> methods, String instance, String version) {

    public Shard {
        methods = List.copyOf(methods);
    }

    public String toJson() {
        return JSON.createObjectBuilder()
                .add("service", service)
                .add("stream", stream)
                .add("methods", JSON.createArrayBuilder(methods))
                .add("instance", instance)
                .add("version", version)
                .build()
                .toString();
    }

    /** Reads a shard; throws {@link IllegalArgumentException} when the text is not one. */
    public static Shard fromJson(String json) {
        try (var reader = JSON.createReader(new StringReader(json))) {
            JsonObject shard = reader.readObject();
            return new Shard(
                    shard.getString("service"),
                    shard.getString("stream"),
                    shard.getJsonArray("methods").getValuesAs(JsonString.class).stream()
                            .map(JsonString::getString)
                            .toList(),
                    shard.getString("instance"),
                    shard.getString("version"));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Not a shard: " + e.getMessage(), e);
        }
    }
}
