package io.txrx.rpc.control;

import io.txrx.jsonrpc.Call;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.FrameParser;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.jsonrpc.Replies;
import io.txrx.stream.Fields;
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
            LOG.log(Level.WARNING, "Dropping a service entry without a valid call from session {0}", entry.get(Fields.SESSION));
            return Optional.empty();
        }
        Call call = calls.get(0);
        String reply = reply(call);
        if (call.isNotification() || entry.get(Fields.CALL) == null) {
            return Optional.empty();
        }
        return Optional.of(Map.of(Fields.SESSION, entry.get(Fields.SESSION), Fields.CALL, entry.get(Fields.CALL),
                Fields.MESSAGE, reply));
    }

    private String reply(Call call) {
        try {
            Handler handler = handlers.find(call.method())
                    .orElseThrow(() -> new JsonRpcException(ErrorCode.METHOD_NOT_FOUND, "Method not found: " + call.method()));
            return Replies.result(call.id(), handler.invoke(call.params()));
        } catch (JsonRpcException e) {
            return Replies.error(call.id(), e.code(), e.getMessage(), e.data());
        } catch (RuntimeException e) {
            String reference = UUID.randomUUID().toString();
            LOG.log(Level.WARNING, "Handler for " + call.method() + " failed, reference " + reference, e);
            return Replies.error(call.id(), ErrorCode.INTERNAL_ERROR, "Internal error (reference " + reference + ")", null);
        }
    }
}
