package io.txrx.handlers.notification.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.JsonArrayBuilder;

/** Collects {@code {field, message}} violations and throws them as one -32602, the way Bean Validation's are. */
final class Violations {
    private final JsonArrayBuilder found = JSON.createArrayBuilder();
    private int count;

    void add(String field, String message) {
        found.add(JSON.createObjectBuilder().add("field", field).add("message", message));
        count++;
    }

    void throwIfAny() {
        if (count > 0) {
            throw new JsonRpcException(ErrorCode.INVALID_PARAMS, "Invalid params", found.build());
        }
    }
}
