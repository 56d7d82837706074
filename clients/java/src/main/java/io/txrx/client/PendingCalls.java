package io.txrx.client;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Calls waiting for their reply, by id. A call is "sent" once its frame went out; when its socket is lost it
 * fails with {@link RpcError.Kind#DISCONNECTED}, unless it may be retried: then its id is handed back to be
 * sent again on the next socket.
 */
final class PendingCalls {

    private static final class Call {
        final String method;
        final String frame;
        final boolean retry;
        final CompletableFuture<JsonValue> reply = new CompletableFuture<>();
        ScheduledFuture<?> timer;
        boolean sent;

        Call(String method, String frame, boolean retry) {
            this.method = method;
            this.frame = frame;
            this.retry = retry;
        }
    }

    private final ScheduledExecutorService timers;
    private final Map<Long, Call> calls = new TreeMap<>();

    PendingCalls(ScheduledExecutorService timers) {
        this.timers = timers;
    }

    /** Registers a call; its future fails with a TIMEOUT error if no reply came within {@code timeout}. */
    synchronized CompletableFuture<JsonValue> add(
            long id, String method, String frame, Duration timeout, boolean retry) {
        Call call = new Call(method, frame, retry);
        calls.put(id, call);
        if (timeout != null && !timeout.isZero() && !timeout.isNegative()) {
            call.timer = timers.schedule(() -> timeOut(id, timeout), timeout.toMillis(), TimeUnit.MILLISECONDS);
        }
        return call.reply;
    }

    synchronized int size() {
        return calls.size();
    }

    synchronized boolean has(long id) {
        return calls.containsKey(id);
    }

    /** The frame of a call still waiting, or {@code null}. */
    synchronized String frame(long id) {
        Call call = calls.get(id);
        return call == null ? null : call.frame;
    }

    synchronized void markSent(long id) {
        Call call = calls.get(id);
        if (call != null) {
            call.sent = true;
        }
    }

    /**
     * Settles the call a reply answers (ids this client sends are numbers).
     *
     * @return false if no call waits for this id: a reply after a timeout, or to someone else
     */
    boolean settle(JsonObject reply) {
        Long id = idOf(reply.get("id"));
        Call call;
        synchronized (this) {
            call = id == null ? null : calls.remove(id);
        }
        if (call == null) {
            return false;
        }
        cancelTimer(call);
        JsonValue error = reply.get("error");
        if (error != null && error.getValueType() == JsonValue.ValueType.OBJECT) {
            call.reply.completeExceptionally(errorOf(call.method, error.asJsonObject()));
        } else {
            call.reply.complete(reply.getOrDefault("result", JsonValue.NULL));
        }
        return true;
    }

    /**
     * The socket the sent calls went out on is gone: retryable ones are kept and their ids answered (oldest
     * first), the other sent ones fail with DISCONNECTED. Calls not sent yet stay as they are.
     */
    List<Long> socketLost(String why) {
        List<Long> resend = new ArrayList<>();
        List<Call> failed = new ArrayList<>();
        synchronized (this) {
            var entries = calls.entrySet().iterator();
            while (entries.hasNext()) {
                var entry = entries.next();
                Call call = entry.getValue();
                if (!call.sent) {
                    continue;
                }
                if (call.retry) {
                    call.sent = false;
                    resend.add(entry.getKey());
                } else {
                    entries.remove();
                    failed.add(call);
                }
            }
        }
        failed.forEach(call -> fail(call, RpcError.local(RpcError.Kind.DISCONNECTED, call.method, why)));
        return resend;
    }

    /** Fails every call (the client was closed). */
    void failAll(RpcError.Kind kind, String why) {
        List<Call> all;
        synchronized (this) {
            all = new ArrayList<>(calls.values());
            calls.clear();
        }
        all.forEach(call -> fail(call, RpcError.local(kind, call.method, why)));
    }

    private void timeOut(long id, Duration timeout) {
        Call call;
        synchronized (this) {
            call = calls.remove(id);
        }
        if (call != null) {
            call.reply.completeExceptionally(RpcError.local(
                    RpcError.Kind.TIMEOUT, call.method, "no reply within " + timeout.toMillis() + " ms"));
        }
    }

    private static void fail(Call call, RpcError error) {
        cancelTimer(call);
        call.reply.completeExceptionally(error);
    }

    private static void cancelTimer(Call call) {
        if (call.timer != null) {
            call.timer.cancel(false);
        }
    }

    private static Long idOf(JsonValue id) {
        if (id instanceof JsonNumber number && number.isIntegral()) {
            return number.longValue();
        }
        return null;
    }

    static RpcError errorOf(String method, JsonObject error) {
        JsonValue code = error.get("code");
        JsonValue message = error.get("message");
        return RpcError.reply(
                method,
                code instanceof JsonNumber number ? number.intValue() : 0,
                message instanceof JsonString text ? text.getString() : String.valueOf(message),
                error.get("data"));
    }
}
