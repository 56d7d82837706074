package io.txrx.gateway.boundary;

import io.txrx.gateway.control.Socket;
import io.txrx.jsonrpc.Call;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.jsonrpc.Replies;
import jakarta.json.JsonValue;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The reply of a {@link LocalMethods} call, the same way for every local method: its result; the error a
 * {@link JsonRpcException} names; -32006 while Redis is unreachable (logged at FINE: the gateway's loops report
 * the outage once); -32603 for another Redis failure, logged; nothing for a notification.
 */
public final class LocalReply {
    private static final Logger LOG = Logger.getLogger(LocalReply.class.getName());

    private LocalReply() {}

    /** @param what what failed when Redis fails otherwise, for the -32603 message ("the channel store") */
    public static String of(Socket socket, Call call, String what, Supplier<JsonValue> result) {
        String reply;
        try {
            reply = Replies.result(call.id(), result.get());
        } catch (JsonRpcException e) {
            reply = Replies.error(call.id(), e.code(), e.getMessage(), e.data());
        } catch (JedisConnectionException e) {
            LOG.log(Level.FINE, "{0} on socket {1}: Redis unreachable", new Object[] {call.method(), socket.id()});
            reply = Replies.busUnavailable(call.id());
        } catch (JedisException e) {
            LOG.log(Level.WARNING, "{0} on socket {1} failed: {2}", new Object[] {
                call.method(), socket.id(), e.toString()
            });
            reply = Replies.error(call.id(), ErrorCode.INTERNAL_ERROR, "Internal error: " + what + " failed", null);
        }
        return call.isNotification() ? null : reply;
    }
}
