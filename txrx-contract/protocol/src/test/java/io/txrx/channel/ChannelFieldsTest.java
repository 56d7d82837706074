package io.txrx.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChannelFieldsTest {

    @Test
    void dataIsStoredAsJson() {
        assertEquals(
                Map.of("data", "{\"a\":[1,2]}"),
                ChannelFields.ofData(Json.createObjectBuilder()
                        .add("a", Json.createArrayBuilder().add(1).add(2))
                        .build()));
        assertEquals(Map.of("data", "\"hi\""), ChannelFields.ofData(Json.createValue("hi")));
    }

    @Test
    void pairsKeepTheirOrderStringsAsTextOtherValuesAsJson() {
        Map<String, String> fields =
                ChannelFields.ofPairs(array("[\"price\",\"12.5\",\"n\",3,\"tags\",{\"a\":1},\"ok\",true]"));
        assertEquals(List.of("price", "n", "tags", "ok"), List.copyOf(fields.keySet()));
        assertEquals(List.of("12.5", "3", "{\"a\":1}", "true"), List.copyOf(fields.values()));
    }

    @Test
    void anOddCountIsInvalidParams() {
        JsonRpcException e =
                assertThrows(JsonRpcException.class, () -> ChannelFields.ofPairs(array("[\"a\",1,\"b\"]")));
        assertEquals(ErrorCode.INVALID_PARAMS, e.code());
        assertEquals(
                ErrorCode.INVALID_PARAMS,
                assertThrows(JsonRpcException.class, () -> ChannelFields.ofPairs(array("[]")))
                        .code());
    }

    @Test
    void keysMustBeDistinctNonEmptyStrings() {
        for (String pairs : new String[] {"[1,\"a\"]", "[\"\",\"a\"]", "[\"k\",1,\"k\",2]"}) {
            assertEquals(
                    ErrorCode.INVALID_PARAMS,
                    assertThrows(JsonRpcException.class, () -> ChannelFields.ofPairs(array(pairs)))
                            .code(),
                    pairs);
        }
    }

    private static JsonArray array(String json) {
        return Json.createReader(new StringReader(json)).readArray();
    }
}
