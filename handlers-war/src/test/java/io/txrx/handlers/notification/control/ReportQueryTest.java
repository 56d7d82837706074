package io.txrx.handlers.notification.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportQueryTest {

    private static JsonValue json(String text) {
        try (var reader = JSON.createReader(new StringReader(text))) {
            return reader.readValue();
        }
    }

    @Test
    void defaultsToTheFirstPageOfTwenty() {
        ReportQuery query = ReportQuery.parse(null);
        assertEquals(0, query.page());
        assertEquals(ReportQuery.DEFAULT_SIZE, query.size());
        assertNull(query.topic());
        assertFalse(query.recentOnly(), "everything is no recent list of the cache");
    }

    @Test
    void queryParametersMayArriveAsText() {
        ReportQuery query = ReportQuery.parse(
                json(
                        "{\"topic\":\"news\",\"from\":\"2026-12-01T00:00:00Z\",\"to\":\"2026-12-02T00:00:00Z\",\"page\":\"3\",\"size\":\"10\"}"));
        assertEquals(30, query.offset());
        assertEquals(Instant.parse("2026-12-01T00:00:00Z"), query.from());
        assertFalse(query.recentOnly(), "a time range is read from the database");
    }

    @Test
    void onlyATopicOrOnlyAUserIsARecentList() {
        assertTrue(ReportQuery.parse(json("{\"topic\":\"news\",\"page\":1,\"size\":5}"))
                .recentOnly());
        assertTrue(ReportQuery.parse(json("{\"userId\":4}")).recentOnly());
        assertFalse(ReportQuery.parse(json("{\"userId\":4,\"topic\":\"news\"}")).recentOnly());
    }

    @Test
    void outOfRangeAndMalformedValuesAreViolations() {
        JsonRpcException e = assertThrows(
                JsonRpcException.class,
                () -> ReportQuery.parse(json("{\"from\":\"yesterday\",\"page\":-1,\"size\":101,\"userId\":\"x\"}")));
        List<String> fields = e.data().asJsonArray().stream()
                .map(v -> ((JsonObject) v).getString("field"))
                .toList();
        assertEquals(List.of("from", "userId", "page", "size"), fields);
        assertThrows(
                JsonRpcException.class,
                () -> ReportQuery.parse(json("{\"from\":\"2026-12-02T00:00:00Z\",\"to\":\"2026-12-01T00:00:00Z\"}")));
    }
}
