package io.txrx.rpc.control;

import io.txrx.identity.Caller;
import io.txrx.jsonrpc.Call;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.FrameParser;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.jsonrpc.Replies;
import io.txrx.keys.Fields;
import io.txrx.rpc.boundary.CallContext;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the call in one service-stream entry and answers the reply entry for the caller's gateway, or
 * nothing for a notification. A handler's unexpected exception is logged here with a reference the client
 * also gets; the client never sees a stack trace.
 */
public class CallExecutor {
    private static final Logger LOG = Logger.getLogger(CallExecutor.class.getName());

    private final HandlerRegistry handlers;

    public CallExecutor(HandlerRegistry handlers) {
        this.handlers = handlers;
    }

    public Optional<Map<String, String>> execute(Map<String, String> entry) {
        List<Call> calls = FrameParser.parse(entry.get(Fields.MESSAGE)).calls();
        if (calls.isEmpty()) {
            LOG.log(
                    Level.WARNING,
                    "Dropping a service entry without a valid call from session {0}",
                    entry.get(Fields.SESSION));
            return Optional.empty();
        }
        Call call = calls.get(0);
        Caller caller = caller(entry.get(Fields.USER));
        String reply;
        String bind;
        try (CallContext.Current current =
                CallContext.open(caller, entry.get(Fields.GATEWAY) + "/" + entry.get(Fields.SESSION))) {
            reply = reply(call, caller);
            bind = current.bind();
        }
        if (call.isNotification() || entry.get(Fields.CALL) == null) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>(6);
        fields.put(Fields.SESSION, entry.get(Fields.SESSION));
        fields.put(Fields.CALL, entry.get(Fields.CALL));
        fields.put(Fields.MESSAGE, reply);
        if (bind != null) {
            fields.put(Fields.BIND, bind);
        }
        return Optional.of(fields);
    }

    /** SQL state class 08 is "connection exception": the database is down or unreachable. */
    private static boolean isDatabaseUnavailable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql
                    && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    private static Caller caller(String json) {
        if (json == null || json.isEmpty()) {
            return null;
        }
        try {
            return Caller.fromJson(json);
        } catch (IllegalArgumentException e) {
            LOG.log(Level.WARNING, "Treating a call with a malformed user field as anonymous: {0}", e.getMessage());
            return null;
        }
    }

    private String reply(Call call, Caller caller) {
        try {
            Handler handler = handlers.find(call.method())
                    .orElseThrow(() ->
                            new JsonRpcException(ErrorCode.METHOD_NOT_FOUND, "Method not found: " + call.method()));
            return Replies.result(call.id(), handler.invoke(call.params(), caller));
        } catch (JsonRpcException e) {
            return Replies.error(call.id(), e.code(), e.getMessage(), e.data());
        } catch (RuntimeException e) {
            if (isDatabaseUnavailable(e)) {
                LOG.log(Level.WARNING, "Handler for {0}: database unavailable: {1}", new Object[] {
                    call.method(), e.toString()
                });
                return Replies.error(
                        call.id(), ErrorCode.INTERNAL_ERROR, "Database unavailable: try again later", null);
            }
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "Handler for " + call.method() + " failed, reference " + reference, e);
            return Replies.error(
                    call.id(), ErrorCode.INTERNAL_ERROR, "Internal error (reference " + reference + ")", null);
        }
    }
}
