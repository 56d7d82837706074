package io.txrx.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PendingCallsTest {

    private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor();
    private final PendingCalls cut = new PendingCalls(timers);

    @AfterEach
    void stopTimers() {
        timers.shutdownNow();
    }

    @Test
    void aReplySettlesTheCallWithItsId() throws Exception {
        var one = cut.add(1, "system.echo", "{}", Duration.ofSeconds(5), false);
        var two = cut.add(2, "system.ping", "{}", Duration.ofSeconds(5), false);
        assertTrue(cut.settle(json("{\"jsonrpc\":\"2.0\",\"id\":2,\"result\":\"pong\"}")));
        assertTrue(cut.settle(json("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"text\":\"hi\"}}")));
        assertEquals(Json.createValue("pong"), two.get());
        assertEquals(json("{\"text\":\"hi\"}"), one.get());
        assertEquals(0, cut.size());
    }

    @Test
    void aSecondReplyOrAStringIdMatchesNothing() {
        cut.add(7, "m", "{}", Duration.ofSeconds(5), false);
        assertFalse(cut.settle(json("{\"id\":\"7\",\"result\":1}")));
        assertTrue(cut.settle(json("{\"id\":7,\"result\":1}")));
        assertFalse(cut.settle(json("{\"id\":7,\"result\":2}")));
    }

    @Test
    void anErrorReplyFailsWithCodeMessageAndData() {
        var reply = cut.add(3, "system.sleep", "{}", Duration.ofSeconds(5), false);
        cut.settle(json(
                "{\"id\":3,\"error\":{\"code\":-32602,\"message\":\"Invalid params\",\"data\":[{\"field\":\"ms\"}]}}"));
        RpcError error = failure(reply);
        assertEquals(RpcError.Kind.REPLY, error.kind());
        assertEquals(-32602, error.code());
        assertEquals("Invalid params", error.getMessage());
        assertEquals("ms", error.data().asJsonArray().getJsonObject(0).getString("field"));
        assertEquals("system.sleep", error.method());
    }

    @Test
    void aCallWithoutReplyTimesOut() throws Exception {
        var reply = cut.add(1, "system.sleep", "{}", Duration.ofMillis(20), false);
        RpcError error = failure(reply);
        assertEquals(RpcError.Kind.TIMEOUT, error.kind());
        assertFalse(cut.settle(json("{\"id\":1,\"result\":\"late\"}")));
    }

    @Test
    void aLostSocketFailsTheSentCallsKeepsTheUnsentAndHandsBackTheRetryable() throws Exception {
        var sent = cut.add(1, "a", "f1", Duration.ofSeconds(5), false);
        var retried = cut.add(2, "b", "f2", Duration.ofSeconds(5), true);
        var unsent = cut.add(3, "c", "f3", Duration.ofSeconds(5), false);
        cut.markSent(1);
        cut.markSent(2);

        assertEquals(List.of(2L), cut.socketLost("gone"));

        assertEquals(RpcError.Kind.DISCONNECTED, failure(sent).kind());
        assertEquals("f2", cut.frame(2));
        assertTrue(cut.has(3));
        cut.settle(json("{\"id\":2,\"result\":\"b\"}"));
        cut.settle(json("{\"id\":3,\"result\":\"c\"}"));
        assertEquals(Json.createValue("b"), retried.get());
        assertEquals(Json.createValue("c"), unsent.get());
    }

    @Test
    void failAllFailsEveryCall() {
        var reply = cut.add(1, "a", "f1", Duration.ofSeconds(5), false);
        cut.failAll(RpcError.Kind.CLOSED, "closed");
        assertEquals(RpcError.Kind.CLOSED, failure(reply).kind());
    }

    static RpcError failure(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return (RpcError) e.getCause();
        } catch (Exception e) {
            throw new AssertionError("no failure: " + e, e);
        }
        throw new AssertionError("completed normally: " + future.join());
    }

    static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }
}
