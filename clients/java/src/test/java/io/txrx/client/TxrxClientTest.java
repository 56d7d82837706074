package io.txrx.client;

import static io.txrx.client.PendingCallsTest.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.channel.ChannelMessage;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against miniature gateways over real sockets: calls, failover, resubscribe, exactly once. */
class TxrxClientTest {

    private static final long WAIT_SECONDS = 10;

    private final MiniGateway.Cluster cluster = new MiniGateway.Cluster();
    private final List<TxrxClient> clients = new ArrayList<>();

    @AfterEach
    void closeEverything() throws IOException {
        clients.forEach(TxrxClient::close);
        cluster.close();
    }

    @Test
    void aCallGetsTheResultOfItsReply() throws Exception {
        MiniGateway gateway = cluster.start();
        TxrxClient client = client(gateway.uri());
        var echo = client.call(
                "system.echo", Json.createObjectBuilder().add("text", "hi").build());
        var ping = client.call("system.ping", null);
        assertEquals(Json.createObjectBuilder().add("text", "hi").build(), echo.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(Json.createValue("pong"), ping.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(
                gateway.received.stream()
                        .anyMatch(frame -> frame.equals("{\"jsonrpc\":\"2.0\",\"method\":\"system.ping\",\"id\":2}")),
                () -> "frames: " + gateway.received);
    }

    @Test
    void anErrorReplyFailsWithTheServersCodeAndData() throws Exception {
        TxrxClient client = client(cluster.start().uri());
        RpcError error = failure(client.call("nobody.home", null));
        assertEquals(-32601, error.code());
        assertEquals("nobody.home", error.data().asJsonObject().getString("method"));
    }

    @Test
    void aCallWithoutReplyTimesOut() throws Exception {
        TxrxClient client = client(cluster.start().uri());
        RpcError error = failure(client.call("system.silent", null, CallOptions.timeout(Duration.ofMillis(100))));
        assertEquals(RpcError.Kind.TIMEOUT, error.kind());
    }

    @Test
    void aGatewayThatIsDownIsSkipped() throws Exception {
        URI nobody = URI.create("ws://127.0.0.1:" + unusedPort() + "/gateway/ws");
        MiniGateway gateway = cluster.start();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        TxrxClient client = TxrxClient.builder()
                .uris(nobody, gateway.uri())
                .backoff(Duration.ofMillis(10), Duration.ofMillis(50))
                .listener(new TxrxListener() {
                    @Override
                    public void error(Throwable error) {
                        errors.add(error);
                    }
                })
                .connect();
        clients.add(client);
        assertEquals(Json.createValue("pong"), client.call("system.ping", null).get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertEquals(gateway.uri(), client.gateway());
        assertTrue(
                errors.stream().anyMatch(e -> e.getMessage().contains(nobody.toString())), () -> "errors: " + errors);
    }

    @Test
    void callsInFlightFailWhenTheGatewayDiesExceptThoseMadeWithRetry() throws Exception {
        MiniGateway first = cluster.start();
        MiniGateway second = cluster.start();
        TxrxClient client = client(first.uri(), second.uri());
        client.connected().get(WAIT_SECONDS, TimeUnit.SECONDS);
        var plain = client.call("system.silent", null);
        var retried = client.call(
                "system.silent", null, CallOptions.retrying().withTimeout(Duration.ofSeconds(WAIT_SECONDS)));
        await(() -> first.received.size() == 2, "both calls at the first gateway");

        first.kill();

        assertEquals(RpcError.Kind.DISCONNECTED, failure(plain).kind());
        await(
                () -> second.received.stream().anyMatch(frame -> frame.contains("system.silent")),
                "the retried call at the second gateway");
        assertTrue(!retried.isDone());
    }

    @Test
    void aSubscriberOnAKilledGatewayGetsEveryMessageOnceInOrder() throws Exception {
        MiniGateway first = cluster.start();
        MiniGateway second = cluster.start();
        List<URI> connects = new CopyOnWriteArrayList<>();
        List<Integer> received = new CopyOnWriteArrayList<>();
        List<String> events = new CopyOnWriteArrayList<>();
        long t0 = System.nanoTime();
        Consumer<String> event = what -> events.add((System.nanoTime() - t0) / 1_000_000 + "ms " + what);
        TxrxClient subscriber = TxrxClient.builder()
                .uris(first.uri(), second.uri())
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                // the JDK can miss the kill (see ConnectionTest): found by the next idle probe, 100 ms on
                .idleProbe(Duration.ofMillis(100))
                .listener(new TxrxListener() {
                    @Override
                    public void connected(URI gateway, boolean reconnect) {
                        event.accept("connected " + gateway.getPort() + " " + reconnect);
                    }

                    @Override
                    public void disconnected(URI gateway, int code, String reason) {
                        event.accept("disconnected " + gateway.getPort() + " " + code + " " + reason);
                    }

                    @Override
                    public void error(Throwable error) {
                        event.accept("error " + error);
                    }
                })
                .connect();
        clients.add(subscriber);
        subscriber
                .onConnect(connects::add)
                .onMessage(m -> received.add(m.data().asJsonObject().getInt("n")));
        TxrxClient publisher = client(second.uri());
        subscriber.subscribe("ticks").get(WAIT_SECONDS, TimeUnit.SECONDS);

        int total = 300;
        for (int n = 0; n < total; n++) {
            publisher
                    .publish("ticks", Json.createObjectBuilder().add("n", n).build())
                    .get(WAIT_SECONDS, TimeUnit.SECONDS);
            if (n == total / 2) {
                event.accept("kill " + first.uri().getPort() + " after " + received.size());
                first.kill();
            }
        }
        event.accept("published " + total + ", received " + received.size());

        await(
                () -> received.size() >= total,
                () -> total + " messages: received " + received.size() + " (last "
                        + (received.isEmpty() ? "none" : received.get(received.size() - 1)) + "), last offset "
                        + subscriber.lastOffset("ticks") + ", connects " + connects + ", events " + events
                        + ", the second gateway received "
                        + second.received.stream()
                                .filter(f -> !f.contains("publish"))
                                .toList());
        assertEquals(IntStream.range(0, total).boxed().toList(), received);
        assertEquals(List.of(first.uri(), second.uri()), connects);
        assertEquals("1000-" + (total - 1), subscriber.lastOffset("ticks"));
        assertTrue(
                second.received.stream()
                        .anyMatch(frame -> frame.contains("channel.subscribe") && !frame.contains("\"$\"")),
                () -> "a resubscribe from an offset: " + second.received);
    }

    @Test
    void onEveryNewSocketTheOpenHookSignsInBeforeTheChannelsAreAskedForAgain() throws Exception {
        MiniGateway first = cluster.start();
        MiniGateway second = cluster.start();
        List<Integer> received = new CopyOnWriteArrayList<>();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        TxrxClient subscriber = TxrxClient.builder()
                .uris(first.uri(), second.uri())
                .backoff(Duration.ofMillis(20), Duration.ofMillis(100))
                .idleProbe(Duration.ofMillis(100))
                .onOpen(client -> client.call("test.signIn", null))
                .listener(new TxrxListener() {
                    @Override
                    public void error(Throwable error) {
                        errors.add(error);
                    }
                })
                .connect();
        clients.add(subscriber);
        subscriber.onMessage(m -> received.add(m.data().asJsonObject().getInt("n")));
        subscriber.subscribe("private.room").get(WAIT_SECONDS, TimeUnit.SECONDS);
        TxrxClient publisher = client(second.uri());
        publish(publisher, 0);

        await(() -> received.size() == 1, "the first message");
        first.kill();
        publish(publisher, 1);
        await(() -> received.size() == 2, () -> "the message after the failover: " + received + ", " + errors);

        assertEquals(List.of(0, 1), received);
        List<String> onSecond = second.received.stream()
                .filter(frame -> !frame.contains("publish"))
                .map(frame ->
                        frame.contains("test.signIn") ? "signIn" : frame.contains("subscribe") ? "subscribe" : frame)
                .filter(frame -> frame.equals("signIn") || frame.equals("subscribe"))
                .toList();
        assertEquals(List.of("signIn", "subscribe"), onSecond, "signed in before asking for the channel again");
        assertEquals(
                List.of(), errors.stream().filter(e -> e instanceof RpcError).toList());
    }

    private static void publish(TxrxClient publisher, int n) throws Exception {
        publisher
                .publish("private.room", Json.createObjectBuilder().add("n", n).build())
                .get(WAIT_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void aSubscriptionFromZeroReplaysWhatIsKeptThenGoesLive() throws Exception {
        MiniGateway gateway = cluster.start();
        TxrxClient publisher = client(gateway.uri());
        for (int n = 0; n < 3; n++) {
            publisher.publish("news", Json.createValue(n)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        }
        List<JsonValue> received = new CopyOnWriteArrayList<>();
        TxrxClient subscriber = client(gateway.uri()).onMessage(m -> received.add(m.data()));
        subscriber.subscribe("news", "0").get(WAIT_SECONDS, TimeUnit.SECONDS);
        publisher.publish("news", Json.createValue(3)).get(WAIT_SECONDS, TimeUnit.SECONDS);
        await(() -> received.size() == 4, "4 messages");
        assertEquals(
                List.of(Json.createValue(0), Json.createValue(1), Json.createValue(2), Json.createValue(3)), received);
    }

    @Test
    void unsubscribeStopsTheMessages() throws Exception {
        MiniGateway gateway = cluster.start();
        List<ChannelMessage> received = new CopyOnWriteArrayList<>();
        TxrxClient subscriber = client(gateway.uri()).onMessage(received::add);
        subscriber.subscribe("news").get(WAIT_SECONDS, TimeUnit.SECONDS);
        subscriber.unsubscribe("news").get(WAIT_SECONDS, TimeUnit.SECONDS);
        String offset =
                client(gateway.uri()).publish("news", Json.createValue("late")).get(WAIT_SECONDS, TimeUnit.SECONDS);
        subscriber.call("system.ping", null).get(WAIT_SECONDS, TimeUnit.SECONDS);
        assertEquals(List.of(), received, "after unsubscribing, " + offset + " arrived");
        assertEquals(List.of(), subscriber.channels());
    }

    @Test
    void signedOutByTheServerTheChannelsItEndedAreNoLongerSubscribed() throws Exception {
        MiniGateway gateway = cluster.start();
        List<String> notifications = new CopyOnWriteArrayList<>();
        TxrxClient client = TxrxClient.builder()
                .uris(gateway.uri())
                .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .listener(new TxrxListener() {
                    @Override
                    public void notification(String method, JsonValue params) {
                        notifications.add(method + " " + params);
                    }
                })
                .connect();
        clients.add(client);
        client.subscribe("user:42").get(WAIT_SECONDS, TimeUnit.SECONDS);
        client.subscribe("news").get(WAIT_SECONDS, TimeUnit.SECONDS);

        client.call(
                        "test.signOut",
                        Json.createObjectBuilder()
                                .add("reason", "logout")
                                .add("unsubscribed", Json.createArrayBuilder().add("user:42"))
                                .build())
                .get(WAIT_SECONDS, TimeUnit.SECONDS);

        assertEquals(List.of("auth.signedOut {\"reason\":\"logout\",\"unsubscribed\":[\"user:42\"]}"), notifications);
        assertEquals(List.of("news"), client.channels(), "what the client subscribes again on its next socket");
    }

    @Test
    void closeFailsWaitingCallsAndStopsReconnecting() throws Exception {
        MiniGateway gateway = cluster.start();
        TxrxClient client = client(gateway.uri());
        var silent = client.call("system.silent", null);
        client.connected().get(WAIT_SECONDS, TimeUnit.SECONDS);
        client.close();
        assertEquals(RpcError.Kind.CLOSED, failure(silent).kind());
        assertEquals(
                RpcError.Kind.CLOSED, failure(client.call("system.ping", null)).kind());
        assertTrue(!client.isConnected());
    }

    @Test
    void callsMadeBeforeTheSocketOpensAreSentOnceItDoes() throws Exception {
        MiniGateway gateway = cluster.start();
        TxrxClient client = client(gateway.uri());
        client.notify("audit.note", Json.createArrayBuilder().add("early").build());
        var ping = client.call("system.ping", null);
        assertEquals(Json.createValue("pong"), ping.get(WAIT_SECONDS, TimeUnit.SECONDS));
        assertTrue(gateway.received.get(0).contains("audit.note"), () -> "frames: " + gateway.received);
    }

    private TxrxClient client(URI... uris) {
        TxrxClient client = TxrxClient.builder()
                .uris(uris)
                .backoff(Duration.ofMillis(10), Duration.ofMillis(100))
                .connect();
        clients.add(client);
        return client;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        await(condition, () -> what);
    }

    private static void await(BooleanSupplier condition, Supplier<String> what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for " + what.get());
            }
            Thread.sleep(5);
        }
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
