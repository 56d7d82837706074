package io.txrx.client;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A txrx gateway in miniature on a {@link TinyWebSocketServer}: {@code system.ping}, {@code system.echo},
 * {@code system.silent} (never answered), {@code channel.subscribe} (replay after an offset, then live),
 * {@code channel.unsubscribe} and {@code channel.publish}, with the channel log shared by every gateway of one
 * {@link Cluster}, as real gateways share a Redis stream.
 */
final class MiniGateway implements TinyWebSocketServer.Handler, AutoCloseable {

    /** The channels' log and the gateways that fan it out. */
    static final class Cluster implements AutoCloseable {
        private final Map<String, List<String[]>> log = new ConcurrentHashMap<>();
        private final List<MiniGateway> gateways = new CopyOnWriteArrayList<>();
        private long sequence;

        MiniGateway start() throws IOException {
            MiniGateway gateway = new MiniGateway(this);
            gateways.add(gateway);
            return gateway;
        }

        synchronized String publish(String channel, JsonValue data) {
            String offset = "1000-" + sequence++;
            log.computeIfAbsent(channel, name -> new ArrayList<>()).add(new String[] {offset, data.toString()});
            gateways.forEach(gateway -> gateway.fanOut(channel, offset, data.toString()));
            return offset;
        }

        /** Entries after {@code offset}, and the offset the subscription then starts after. */
        synchronized String replay(String channel, String offset, TinyWebSocketServer.Peer peer, MiniGateway gateway) {
            List<String[]> entries = log.getOrDefault(channel, List.of());
            if ("$".equals(offset)) {
                return entries.isEmpty() ? "0-0" : entries.get(entries.size() - 1)[0];
            }
            StreamOffset after = StreamOffset.parse(offset);
            for (String[] entry : entries) {
                if (StreamOffset.parse(entry[0]).compareTo(after) > 0) {
                    gateway.push(peer, channel, entry[0], entry[1]);
                }
            }
            return offset;
        }

        @Override
        public void close() throws IOException {
            for (MiniGateway gateway : gateways) {
                gateway.close();
            }
        }
    }

    private final Cluster cluster;
    private final TinyWebSocketServer server;
    private final Map<TinyWebSocketServer.Peer, Set<String>> subscribers = new ConcurrentHashMap<>();
    private final Set<TinyWebSocketServer.Peer> signedIn = ConcurrentHashMap.newKeySet();
    final List<String> received = new CopyOnWriteArrayList<>();

    private MiniGateway(Cluster cluster) throws IOException {
        this.cluster = cluster;
        this.server = new TinyWebSocketServer(this);
    }

    URI uri() {
        return server.uri();
    }

    TinyWebSocketServer server() {
        return server;
    }

    @Override
    public void opened(TinyWebSocketServer.Peer peer) {
        subscribers.put(peer, ConcurrentHashMap.newKeySet());
    }

    @Override
    public void text(TinyWebSocketServer.Peer peer, String text) {
        received.add(text);
        JsonObject call = Json.createReader(new StringReader(text)).readObject();
        JsonValue id = call.get("id");
        if (id == null) {
            return; // a notification: nothing to answer
        }
        JsonObject params = call.get("params") instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        switch (call.getString("method")) {
            case "system.ping" -> reply(peer, id, Json.createValue("pong"));
            case "system.echo" -> reply(peer, id, params);
            case "system.silent" -> {
                // never answered: for timeouts
            }
            case "test.signOut" -> {
                // what a gateway does when the socket is signed out from elsewhere: ends channels, tells it
                params.getJsonArray("unsubscribed")
                        .getValuesAs(JsonString.class)
                        .forEach(channel -> subscribers.get(peer).remove(channel.getString()));
                peer.send(Json.createObjectBuilder()
                        .add("jsonrpc", "2.0")
                        .add("method", "auth.signedOut")
                        .add("params", params)
                        .build()
                        .toString());
                reply(peer, id, JsonValue.TRUE);
            }
            case "test.signIn" -> {
                signedIn.add(peer);
                reply(peer, id, JsonValue.TRUE);
            }
            case "channel.subscribe" -> {
                String channel = params.getString("channel");
                if (channel.startsWith("private.") && !signedIn.contains(peer)) {
                    error(
                            peer,
                            id,
                            Json.createObjectBuilder().add("code", -32001).add("message", "Sign in first"));
                    return;
                }
                synchronized (cluster) {
                    String after = cluster.replay(channel, params.getString("offset", "$"), peer, this);
                    subscribers.get(peer).add(channel);
                    reply(
                            peer,
                            id,
                            Json.createObjectBuilder()
                                    .add("channel", channel)
                                    .add("offset", after)
                                    .add("truncated", false)
                                    .build());
                }
            }
            case "channel.unsubscribe" -> {
                subscribers.get(peer).remove(params.getString("channel"));
                reply(
                        peer,
                        id,
                        Json.createObjectBuilder()
                                .add("channel", params.getString("channel"))
                                .build());
            }
            case "channel.publish" -> reply(
                    peer,
                    id,
                    Json.createObjectBuilder()
                            .add("offset", cluster.publish(params.getString("channel"), params.get("data")))
                            .build());
            default -> error(
                    peer,
                    id,
                    Json.createObjectBuilder()
                            .add("code", -32601)
                            .add("message", "Method not found")
                            .add("data", Json.createObjectBuilder().add("method", call.getString("method"))));
        }
    }

    private static void error(TinyWebSocketServer.Peer peer, JsonValue id, jakarta.json.JsonObjectBuilder error) {
        peer.send(Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("error", error)
                .build()
                .toString());
    }

    void fanOut(String channel, String offset, String data) {
        subscribers.forEach((peer, channels) -> {
            if (channels.contains(channel)) {
                push(peer, channel, offset, data);
            }
        });
    }

    void push(TinyWebSocketServer.Peer peer, String channel, String offset, String data) {
        peer.send("{\"jsonrpc\":\"2.0\",\"method\":\"channel.message\",\"params\":{\"channel\":\"" + channel
                + "\",\"offset\":\"" + offset + "\",\"data\":" + data + "}}");
    }

    private static void reply(TinyWebSocketServer.Peer peer, JsonValue id, JsonValue result) {
        peer.send(Json.createObjectBuilder()
                .add("jsonrpc", "2.0")
                .add("id", id)
                .add("result", result)
                .build()
                .toString());
    }

    /** Like SIGKILL: the port closes, every socket is cut. */
    void kill() throws IOException {
        cluster.gateways.remove(this);
        server.kill();
    }

    @Override
    public void close() throws IOException {
        kill();
    }
}
