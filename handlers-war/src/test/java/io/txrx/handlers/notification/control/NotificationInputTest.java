package io.txrx.handlers.notification.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.txrx.handlers.notification.control.NotificationInput.Draft;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationInputTest {

    private static JsonValue json(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    private static List<String> violatedFields(String params) {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> NotificationInput.parse(json(params)));
        assertEquals(ErrorCode.INVALID_PARAMS, e.code());
        return e.data().asJsonArray().stream()
                .map(v -> ((JsonObject) v).getString("field"))
                .toList();
    }

    @Test
    void aCompleteNotificationIsADraft() {
        Draft draft = NotificationInput.parse(
                json(
                        "{\"topic\":\"orders.eu\",\"userId\":7,\"title\":\"Shipped\",\"body\":\"Order 42\",\"data\":{\"order\":42},\"auth\":\"k\"}"));
        assertEquals("orders.eu", draft.topic());
        assertEquals(7L, draft.userId());
        assertEquals("Shipped", draft.title());
        assertEquals(42, draft.data().asJsonObject().getInt("order"));
    }

    @Test
    void userIdAndDataAreOptional() {
        Draft draft =
                NotificationInput.parse(json("{\"topic\":\"news\",\"title\":\"t\",\"body\":\"b\",\"data\":null}"));
        assertNull(draft.userId());
        assertNull(draft.data());
    }

    @Test
    void everyMissingFieldIsReportedAtOnce() {
        assertEquals(List.of("topic", "title", "body"), violatedFields("{}"));
    }

    @Test
    void wrongTypesBadTopicsAndUnknownFieldsAreViolations() {
        assertEquals(
                List.of("extra", "topic", "title", "userId"),
                violatedFields("{\"extra\":1,\"topic\":\"has space\",\"title\":5,\"body\":\"b\",\"userId\":-3}"));
        assertEquals(
                List.of("topic"), violatedFields("{\"topic\":\".starts-with-dot\",\"title\":\"t\",\"body\":\"b\"}"));
        assertEquals(
                List.of("userId"), violatedFields("{\"topic\":\"t\",\"title\":\"t\",\"body\":\"b\",\"userId\":\"7\"}"));
        assertEquals(List.of("params"), violatedFields("[1]"));
    }

    @Test
    void blankAndTooLongTextsAreViolations() {
        String longBody = "x".repeat(NotificationInput.MAX_BODY + 1);
        assertEquals(
                List.of("title", "body"),
                violatedFields("{\"topic\":\"t\",\"title\":\"  \",\"body\":\"" + longBody + "\"}"));
        String bigData = "\"" + "y".repeat(NotificationInput.MAX_DATA_CHARS) + "\"";
        assertEquals(
                List.of("data"),
                violatedFields("{\"topic\":\"t\",\"title\":\"t\",\"body\":\"b\",\"data\":" + bigData + "}"));
    }
}
