package io.txrx.gateway.notification.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.jsonrpc.ErrorCode;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;

/**
 * A JSON-RPC reply as an HTTP answer: the result with the success status, or the error object
 * ({@code {code, message, data?}}) with the status that says the same: -32602 400 (the violations in
 * {@code data}), -32001 401, -32003 403, -32009 413, -32005 429, -32601 / -32006 / -32007 503 (the service
 * or the bus is not there: safe to retry), -32004 504, anything else 500.
 */
public record HttpAnswer(int status, JsonValue body) {

    public static HttpAnswer of(String reply, int success) {
        JsonObject object;
        try (var reader = JSON.createReader(new StringReader(reply))) {
            object = reader.readObject();
        }
        if (object.containsKey("result")) {
            return new HttpAnswer(success, object.get("result"));
        }
        JsonObject error = object.getJsonObject("error");
        return new HttpAnswer(status(error.getInt("code")), error);
    }

    /** An answer made here, without a trip through the bus. */
    public static HttpAnswer error(int code, String message) {
        return new HttpAnswer(
                status(code),
                JSON.createObjectBuilder()
                        .add("code", code)
                        .add("message", message)
                        .build());
    }

    static int status(int code) {
        return switch (code) {
            case ErrorCode.INVALID_PARAMS, ErrorCode.PARSE_ERROR, ErrorCode.INVALID_REQUEST -> 400;
            case ErrorCode.UNAUTHORIZED -> 401;
            case ErrorCode.FORBIDDEN -> 403;
            case ErrorCode.TOO_LARGE -> 413;
            case ErrorCode.RATE_LIMITED -> 429;
            case ErrorCode.METHOD_NOT_FOUND, ErrorCode.BUS_UNAVAILABLE, ErrorCode.CALL_LOST -> 503;
            case ErrorCode.UNAVAILABLE -> 504;
            default -> 500;
        };
    }
}
