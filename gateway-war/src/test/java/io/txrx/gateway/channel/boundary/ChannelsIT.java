package io.txrx.gateway.channel.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.gateway.boundary.Deployments;
import io.txrx.gateway.channel.boundary.ChannelPeer.Push;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.testing.TestConfig;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.OperateOnDeployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.container.test.api.TargetsContainer;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Channels across two gateways: two Payara Micro processes, each running the gateway alone, sharing one Redis
 * and one key prefix. Nothing else runs, so every answer comes from the gateways' own channel methods, and a
 * message reaches the other gateway only through the channel's stream. The block time of the channel reader
 * is long (30 s), so any wait for a blocking read to time out would show as a missed deadline.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ChannelsIT {
    private static final TestConfig CONFIG = TestConfig.forTest()
            .with("txrx.roles", "gateway")
            .with("txrx.channel.allow-anonymous", "true")
            .with("txrx.channel.max-len", "200")
            .with("txrx.channel.block-ms", "30000");

    @ArquillianResource
    @OperateOnDeployment("a")
    URL a;

    @ArquillianResource
    @OperateOnDeployment("b")
    URL b;

    @Deployment(name = "a")
    @TargetsContainer("gateway-a")
    static WebArchive gatewayA() {
        return Deployments.gateway(CONFIG);
    }

    @Deployment(name = "b")
    @TargetsContainer("gateway-b")
    static WebArchive gatewayB() {
        return Deployments.gateway(CONFIG);
    }

    @Test
    void subscribersOnBothGatewaysGetEveryMessageOnceInOrder() throws Exception {
        String channel = channel("room");
        try (ChannelPeer onA = ChannelPeer.connect(a);
                ChannelPeer onB = ChannelPeer.connect(b);
                ChannelPeer publisher = ChannelPeer.connect(a)) {
            JsonObject subscribed = onA.result("channel.subscribe", "{\"channel\":\"" + channel + "\"}");
            assertEquals(0, subscribed.getInt("replayed"));
            assertFalse(subscribed.getBoolean("truncated"));
            onB.result("channel.subscribe", "{\"channel\":\"" + channel + "\"}");
            List<String> offsets = new ArrayList<>();
            for (int n = 0; n < 50; n++) {
                offsets.add(publisher
                        .result("channel.publish", "{\"channel\":\"" + channel + "\",\"data\":{\"n\":" + n + "}}")
                        .getString("offset"));
            }
            for (ChannelPeer subscriber : List.of(onA, onB)) {
                List<Push> got = subscriber.pushes(channel, 50);
                assertEquals(offsets, got.stream().map(Push::offset).toList());
                assertEquals(
                        IntStream.range(0, 50).boxed().toList(),
                        got.stream()
                                .map(push -> push.data().asJsonObject().getInt("n"))
                                .toList());
                assertEquals(
                        50,
                        subscriber.pushesAfter(channel, Duration.ofMillis(300)).size(),
                        "no message twice");
            }
        }
    }

    @Test
    void aReplayFromZeroOrAMiddleOffsetJoinsLiveMessagesWithoutGapOrDuplicate() throws Exception {
        String channel = channel("feed");
        List<String> offsets = new ArrayList<>();
        try (ChannelPeer early = ChannelPeer.connect(a)) {
            offsets.addAll(
                    early.publishBatch(channel, IntStream.range(0, 80).boxed().toList()));
        }
        CountDownLatch publishing = new CountDownLatch(20);
        CompletableFuture<List<String>> live =
                CompletableFuture.supplyAsync(() -> publishOneByOne(channel, 80, 200, publishing));
        assertTrue(publishing.await(15, TimeUnit.SECONDS));
        try (ChannelPeer fromZero = ChannelPeer.connect(b);
                ChannelPeer fromMiddle = ChannelPeer.connect(a)) {
            JsonObject all = fromZero.result("channel.subscribe", "{\"channel\":\"" + channel + "\",\"offset\":\"0\"}");
            JsonObject rest = fromMiddle.result(
                    "channel.subscribe", "{\"channel\":\"" + channel + "\",\"offset\":\"" + offsets.get(49) + "\"}");
            offsets.addAll(live.get(30, TimeUnit.SECONDS));
            assertTrue(all.getInt("replayed") >= 100, "subscribed while publishing: " + all);
            assertFalse(all.getBoolean("truncated"));
            assertFalse(rest.getBoolean("truncated"));

            assertEquals(offsets, offsetsOf(fromZero.pushes(channel, 200)));
            assertEquals(offsets.subList(50, 200), offsetsOf(fromMiddle.pushes(channel, 150)));
            assertEquals(
                    IntStream.range(0, 200).boxed().toList(),
                    fromZero.pushes(channel, 200).stream()
                            .map(push -> ((JsonNumber) push.data()).intValue())
                            .toList());
            assertEquals(
                    200, fromZero.pushesAfter(channel, Duration.ofMillis(300)).size(), "nothing twice at the seam");
            assertEquals(
                    150, fromMiddle.pushesAfter(channel, Duration.ofMillis(300)).size(), "nothing twice at the seam");
        }
    }

    @Test
    void subscriptionsChangeAtOnceAndSubscribingTwiceIsHarmless() throws Exception {
        String first = channel("first");
        String second = channel("second");
        try (ChannelPeer subscriber = ChannelPeer.connect(a);
                ChannelPeer publisher = ChannelPeer.connect(b)) {
            subscriber.result("channel.subscribe", "{\"channel\":\"" + first + "\"}");
            publisher.result("channel.publish", "{\"channel\":\"" + first + "\",\"data\":1}");
            subscriber.pushes(first, 1);

            long subscribing = System.nanoTime();
            subscriber.result("channel.subscribe", "{\"channel\":\"" + second + "\"}");
            publisher.result("channel.publish", "{\"channel\":\"" + second + "\",\"data\":2}");
            subscriber.pushes(second, 1);
            long tookMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - subscribing);
            assertTrue(tookMs < 5000, "a new channel is read at once, not after the 30 s block: " + tookMs + " ms");

            JsonObject again =
                    subscriber.result("channel.subscribe", "{\"channel\":\"" + first + "\",\"offset\":\"0\"}");
            assertEquals(0, again.getInt("replayed"));
            publisher.result("channel.publish", "{\"channel\":\"" + first + "\",\"data\":3}");
            assertEquals(2, subscriber.pushes(first, 2).size());

            assertTrue(subscriber
                    .result("channel.unsubscribe", "{\"channel\":\"" + second + "\"}")
                    .getBoolean("unsubscribed"));
            publisher.result("channel.publish", "{\"channel\":\"" + second + "\",\"data\":4}");
            publisher.result("channel.publish", "{\"channel\":\"" + first + "\",\"data\":5}");
            subscriber.pushes(first, 3);
            assertEquals(
                    1, subscriber.pushesAfter(second, Duration.ofMillis(500)).size(), "nothing after unsubscribing");
            assertEquals(3, subscriber.pushesAfter(first, Duration.ZERO).size(), "subscribed once, each message once");
        }
    }

    @Test
    void anOffsetOlderThanWhatIsRetainedIsReported() throws Exception {
        String channel = channel("capped");
        try (ChannelPeer publisher = ChannelPeer.connect(a);
                ChannelPeer late = ChannelPeer.connect(b);
                ChannelPeer current = ChannelPeer.connect(b)) {
            List<String> offsets = new ArrayList<>();
            for (int batch = 0; batch < 4; batch++) {
                offsets.addAll(publisher.publishBatch(
                        channel,
                        IntStream.range(batch * 100, batch * 100 + 100).boxed().toList()));
            }
            JsonObject oldest = late.result("channel.history", "{\"channel\":\"" + channel + "\",\"limit\":1}");
            assertTrue(oldest.getBoolean("truncated"), "the cap of about 200 trimmed the start: " + oldest);
            String firstKept = oldest.getJsonArray("messages").getJsonObject(0).getString("offset");
            assertNotEquals(offsets.get(0), firstKept);

            JsonObject fromTheStart = late.result(
                    "channel.subscribe", "{\"channel\":\"" + channel + "\",\"offset\":\"" + offsets.get(0) + "\"}");
            assertTrue(fromTheStart.getBoolean("truncated"), fromTheStart.toString());
            int kept = 400 - offsets.indexOf(firstKept);
            assertEquals(kept, fromTheStart.getInt("replayed"));
            assertEquals(firstKept, late.pushes(channel, kept).get(0).offset());

            JsonObject fromKept = current.result(
                    "channel.subscribe", "{\"channel\":\"" + channel + "\",\"offset\":\"" + firstKept + "\"}");
            assertFalse(fromKept.getBoolean("truncated"), fromKept.toString());
            assertEquals(kept - 1, fromKept.getInt("replayed"));
        }
    }

    @Test
    void historyPagesThroughDataAndKeyValueMessages() throws Exception {
        String channel = channel("log");
        try (ChannelPeer peer = ChannelPeer.connect(b)) {
            for (int n = 0; n < 5; n++) {
                peer.result("channel.publish", "{\"channel\":\"" + channel + "\",\"data\":" + n + "}");
            }
            String pairs = peer.result(
                            "channel.publish", "{\"channel\":\"" + channel + "\",\"fields\":[\"k\",\"v\",\"n\",2]}")
                    .getString("offset");
            JsonObject page = peer.result("channel.history", "{\"channel\":\"" + channel + "\",\"limit\":4}");
            assertEquals(4, page.getJsonArray("messages").size());
            JsonObject next = peer.result(
                    "channel.history",
                    "{\"channel\":\"" + channel + "\",\"from\":\"" + page.getString("next") + "\",\"limit\":4}");
            assertEquals(2, next.getJsonArray("messages").size());
            assertTrue(next.isNull("next"));
            JsonObject last = next.getJsonArray("messages").getJsonObject(1);
            assertEquals(pairs, last.getString("offset"));
            assertEquals(
                    Json.createObjectBuilder().add("k", "v").add("n", "2").build(),
                    last.get("data"),
                    "a key/value message reads as an object of strings");
            assertEquals(
                    ErrorCode.INVALID_PARAMS,
                    peer.errorCode(
                            "channel.publish", "{\"channel\":\"" + channel + "\",\"fields\":[\"k\",\"v\",\"odd\"]}"));
        }
    }

    @Test
    void privateAndPublicChannelsAreGuardedEvenWhenAnonymousSocketsAreAllowed() throws Exception {
        try (ChannelPeer peer = ChannelPeer.connect(a)) {
            assertEquals(ErrorCode.FORBIDDEN, peer.errorCode("channel.subscribe", "{\"channel\":\"user:alice\"}"));
            assertEquals(ErrorCode.FORBIDDEN, peer.errorCode("channel.history", "{\"channel\":\"user:alice\"}"));
            assertEquals(
                    ErrorCode.FORBIDDEN, peer.errorCode("channel.publish", "{\"channel\":\"public.news\",\"data\":1}"));
            assertFalse(peer.result("channel.subscribe", "{\"channel\":\"public.news\"}")
                    .getBoolean("truncated"));
        }
    }

    private List<String> publishOneByOne(String channel, int from, int to, CountDownLatch started) {
        List<String> offsets = new ArrayList<>();
        try (ChannelPeer publisher = ChannelPeer.connect(b)) {
            for (int n = from; n < to; n++) {
                offsets.add(publisher
                        .result("channel.publish", "{\"channel\":\"" + channel + "\",\"data\":" + n + "}")
                        .getString("offset"));
                started.countDown();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return offsets;
    }

    private static List<String> offsetsOf(List<Push> pushes) {
        return pushes.stream().map(Push::offset).toList();
    }

    private static String channel(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
