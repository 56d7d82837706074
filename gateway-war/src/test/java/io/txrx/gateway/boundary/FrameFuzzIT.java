package io.txrx.gateway.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.testing.TestConfig;
import io.txrx.testing.WsClient;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonConfig;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.logging.Logger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Fuzzing the edge: about 2,000 frames, mutations of valid calls and random text, plus random bytes sent as
 * text frames, against the gateway alone. Every frame must get a defined outcome: valid JSON-RPC 2.0 replies
 * (one frame, unless it held only notifications), or a close with a documented code (1009 exactly for frames
 * over the limit, 1007 for text that is not UTF-8); and a fresh socket is served afterwards. The seed is
 * printed; rerun one with {@code -Dtxrx.fuzz.seed=...}.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FrameFuzzIT {
    private static final Logger LOG = Logger.getLogger(FrameFuzzIT.class.getName());
    private static final int MAX_FRAME = 4096;
    private static final int FRAMES = 2000;
    private static final int RAW_FRAMES = 40;
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final long CALL_TIMEOUT_MS = 1500;
    private static final Set<Integer> DOCUMENTED_CLOSES = Set.of(1007, 1008, 1009);
    private static final String PROBE = "{\"jsonrpc\":\"2.0\",\"id\":\"\\u00a7probe\",\"method\":\"channel.subscribe\","
            + "\"params\":{\"channel\":\"public.fuzz\"}}";
    private static final JsonReaderFactory STRICT =
            Json.createReaderFactory(Map.of(JsonConfig.KEY_STRATEGY, JsonConfig.KeyStrategy.NONE));

    private static final String[] VALID = {
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"channel.subscribe\",\"params\":{\"channel\":\"public.news\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":\"a\",\"method\":\"channel.unsubscribe\",\"params\":{\"channel\":\"public.news\"}}",
        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"channel.publish\",\"params\":{\"channel\":\"room.1\",\"data\":{\"x\":[1,2.5e3,null,true]}}}",
        "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"system.ping\"}",
        "{\"jsonrpc\":\"2.0\",\"id\":null,\"method\":\"system.echo\",\"params\":{\"text\":\"h\\u00e9\\ud83d\\ude00\"}}",
        "{\"jsonrpc\":\"2.0\",\"method\":\"system.ping\"}",
        "[{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"channel.subscribe\",\"params\":{\"channel\":\"public.a\"}},"
                + "{\"jsonrpc\":\"2.0\",\"method\":\"system.ping\"},{\"foo\":\"boo\"}]",
        "[{\"jsonrpc\":\"2.0\",\"method\":\"a.b\"},{\"jsonrpc\":\"2.0\",\"method\":\"c.d\",\"params\":[]}]",
        "{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"channel.history\",\"params\":{\"channel\":\"public.news\",\"offset\":\"0-0\"}}",
    };
    private static final String ALPHABET = "{}[]\",:0123456789.eE+- \\utrfalsn\tu\u00e9\u4e2d";

    @ArquillianResource
    URL base;

    @Deployment
    static WebArchive deployment() {
        return Deployments.gateway(TestConfig.forTest()
                .with("txrx.roles", "gateway")
                .with("txrx.gateway.max-frame-bytes", Integer.toString(MAX_FRAME))
                .with("txrx.gateway.max-invalid-frames", "1000000")
                .with("txrx.gateway.call-timeout-ms", Long.toString(CALL_TIMEOUT_MS)));
    }

    @Test
    void everyFrameGetsValidRepliesOrADocumentedCloseAndOthersAreStillServed() throws Exception {
        long seed = Long.getLong("txrx.fuzz.seed", System.nanoTime());
        LOG.info("FrameFuzzIT seed " + seed);
        Random random = new Random(seed);
        long deadline = System.nanoTime() + BUDGET.toNanos();
        Fuzzed socket = new Fuzzed(connect());
        int sent = 0;
        int closes = 0;
        for (; sent < FRAMES && System.nanoTime() < deadline; sent++) {
            String frame =
                    random.nextInt(4) == 0 ? randomText(random) : mutate(VALID[random.nextInt(VALID.length)], random);
            if (!socket.exchange(frame, seed)) {
                closes++;
                socket = new Fuzzed(connect());
            }
        }
        socket.finish(seed);
        for (int n = 0; n < RAW_FRAMES && System.nanoTime() < deadline; n++) {
            rawBytes(random, seed);
        }
        LOG.info("FrameFuzzIT sent " + sent + " frames, " + closes + " sockets closed with a documented code");
        assertTrue(sent >= 500, "at least 500 frames within the time budget, seed " + seed);
        try (WsClient other = connect()) {
            other.send(PROBE);
            assertTrue(other.next(WAIT).contains("\"result\""), "a fresh socket is served, seed " + seed);
        }
    }

    /** One socket under fuzzing: what it was sent and what it answered. */
    private final class Fuzzed {
        private final WsClient client;
        private int certainReplies;
        private int possibleReplies;
        private int replies;

        Fuzzed(WsClient client) {
            this.client = client;
        }

        /** Sends a frame, then a probe, and checks what comes before the probe's reply; false if closed. */
        boolean exchange(String frame, long seed) throws Exception {
            int bytes = frame.getBytes(StandardCharsets.UTF_8).length;
            Expect expect = expect(frame);
            client.send(frame);
            if (bytes > MAX_FRAME) {
                assertEquals(1009, client.closeCode(WAIT), "over the limit: " + bytes + " bytes, seed " + seed);
                return false;
            }
            client.send(PROBE);
            while (true) {
                String reply = client.poll(Duration.ofMillis(200));
                if (reply == null) {
                    if (client.socket().closed().isDone()) {
                        int code = client.socket().closed().join().code();
                        assertTrue(
                                DOCUMENTED_CLOSES.contains(code),
                                "closed " + code + " after " + frame + ", seed " + seed);
                        return false;
                    }
                    continue;
                }
                if (reply.contains("\"\u00a7probe\"")) {
                    break;
                }
                assertValidReply(reply, frame, seed);
                replies++;
            }
            if (expect == Expect.REPLY) {
                certainReplies++;
            } else if (expect == Expect.MAYBE) {
                possibleReplies++;
            }
            return true;
        }

        /** Waits out the calls sent to TX (no rpc instance: they time out), then counts. */
        void finish(long seed) throws Exception {
            long end = System.nanoTime()
                    + Duration.ofMillis(CALL_TIMEOUT_MS + 3000).toNanos();
            while (System.nanoTime() < end) {
                String reply = client.poll(Duration.ofMillis(200));
                if (reply != null) {
                    assertValidReply(reply, "(late)", seed);
                    replies++;
                }
            }
            assertTrue(
                    replies >= certainReplies && replies <= certainReplies + possibleReplies,
                    replies + " reply frames for " + certainReplies + " frames that need one and " + possibleReplies
                            + " that may, seed " + seed);
            client.close();
        }
    }

    /** Random bytes as a text frame: a close with 1007 when they are not UTF-8, else valid replies. */
    private void rawBytes(Random random, long seed) throws Exception {
        byte[] bytes = new byte[1 + random.nextInt(64)];
        random.nextBytes(bytes);
        boolean utf8;
        try {
            StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes));
            utf8 = true;
        } catch (java.nio.charset.CharacterCodingException e) {
            utf8 = false;
        }
        try (RawSocket raw = RawSocket.open(base, 0)) {
            raw.send(RawSocket.TEXT, bytes);
            raw.sendText(PROBE);
            while (true) {
                RawSocket.Frame frame = raw.next(WAIT);
                assertTrue(frame != null, "no answer to random bytes, seed " + seed);
                if (frame.opcode() == RawSocket.CLOSE) {
                    assertEquals(1007, frame.closeCode(), "random bytes, seed " + seed);
                    assertTrue(!utf8, "closed though the bytes were UTF-8, seed " + seed);
                    return;
                }
                if (frame.text().contains("\"\u00a7probe\"")) {
                    assertTrue(utf8, "bytes that are not UTF-8 were read as text, seed " + seed);
                    return;
                }
                assertValidReply(frame.text(), "(bytes)", seed);
            }
        }
    }

    private enum Expect {
        NONE,
        REPLY,
        MAYBE
    }

    /** The test's own reading of JSON-RPC 2.0: whether a frame needs a reply, cannot have one, or either. */
    private static Expect expect(String text) {
        if (text.contains("\\u")) {
            return Expect.MAYBE; // lone surrogates: the test does not judge escapes
        }
        JsonValue value;
        try (JsonReader reader = STRICT.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            return Expect.REPLY;
        }
        if (!endsAfterOneValue(text)) {
            return Expect.REPLY;
        }
        if (value instanceof JsonArray batch) {
            return !batch.isEmpty() && batch.stream().allMatch(FrameFuzzIT::isNotification)
                    ? Expect.NONE
                    : Expect.REPLY;
        }
        return isNotification(value) ? Expect.NONE : Expect.REPLY;
    }

    private static boolean endsAfterOneValue(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            parser.next();
            parser.getValue();
            return !parser.hasNext();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static boolean isNotification(JsonValue value) {
        return value instanceof JsonObject call
                && !call.containsKey("id")
                && call.get("jsonrpc") instanceof JsonString version
                && version.getString().equals("2.0")
                && call.get("method") instanceof JsonString method
                && !method.getString().isEmpty()
                && (!call.containsKey("params") || call.get("params") instanceof JsonStructure);
    }

    /** A reply frame must be a JSON-RPC 2.0 response, an array of them, or a push notification. */
    private static void assertValidReply(String text, String sent, long seed) {
        JsonValue value;
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            value = reader.readValue();
        } catch (RuntimeException e) {
            throw new AssertionError("not JSON: " + text + " for " + sent + ", seed " + seed, e);
        }
        if (value instanceof JsonArray batch) {
            assertTrue(!batch.isEmpty(), "an empty array for " + sent + ", seed " + seed);
            batch.forEach(response -> assertResponse(response, text, sent, seed));
        } else if (value instanceof JsonObject object && object.containsKey("method")) {
            assertEquals("channel.message", object.getString("method"), text);
        } else {
            assertResponse(value, text, sent, seed);
        }
    }

    private static void assertResponse(JsonValue value, String text, String sent, long seed) {
        String context = text + " for " + sent + ", seed " + seed;
        assertTrue(value instanceof JsonObject, context);
        JsonObject response = value.asJsonObject();
        assertEquals("2.0", response.getString("jsonrpc", null), context);
        assertTrue(response.containsKey("id"), context);
        JsonValue id = response.get("id");
        assertTrue(id instanceof JsonString || id instanceof JsonNumber || id == JsonValue.NULL, context);
        assertTrue(response.containsKey("result") ^ response.containsKey("error"), context);
        if (response.containsKey("error")) {
            JsonObject error = response.getJsonObject("error");
            assertTrue(error.get("code") instanceof JsonNumber code && code.isIntegral(), context);
            assertTrue(error.get("message") instanceof JsonString, context);
        }
    }

    private static String mutate(String valid, Random random) {
        StringBuilder text = new StringBuilder(valid);
        int mutations = 1 + random.nextInt(3);
        for (int m = 0; m < mutations; m++) {
            int at = text.length() == 0 ? 0 : random.nextInt(text.length());
            switch (random.nextInt(10)) {
                case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(8)));
                case 1 -> text.insert(at, ALPHABET.charAt(random.nextInt(ALPHABET.length())));
                case 2 -> text.setLength(at);
                case 3 -> text.insert(0, "[".repeat(1 + random.nextInt(1200)));
                case 4 -> text.insert(at, "1" + "0".repeat(random.nextInt(3000)));
                case 5 -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
                case 6 -> text.append(random.nextBoolean() ? " x" : "{}");
                case 7 -> text.insert(at, "\"" + "s".repeat(random.nextInt(5000)) + "\"");
                case 8 -> text.insert(at, "\\ud83d");
                default -> {
                    if (text.length() > 1) {
                        int other = random.nextInt(text.length());
                        char c = text.charAt(at);
                        text.setCharAt(at, text.charAt(other));
                        text.setCharAt(other, c);
                    }
                }
            }
        }
        return text.toString();
    }

    private static String randomText(Random random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(20) == 0 ? MAX_FRAME - 50 + random.nextInt(100) : random.nextInt(200);
        for (int i = 0; i < length; i++) {
            text.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return text.toString();
    }

    private WsClient connect() {
        return WsClient.connect(URI.create(base.toString().replaceFirst("^http", "ws") + "ws"));
    }
}
