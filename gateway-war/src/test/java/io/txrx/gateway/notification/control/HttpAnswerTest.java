package io.txrx.gateway.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HttpAnswerTest {

    @Test
    void aResultIsTheBodyWithTheSuccessStatus() {
        HttpAnswer answer =
                HttpAnswer.of("{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"result\":{\"id\":5,\"topic\":\"t\"}}", 201);
        assertEquals(201, answer.status());
        assertEquals("{\"id\":5,\"topic\":\"t\"}", answer.body().toString());
    }

    @Test
    void anErrorIsTheErrorObjectWithItsStatus() {
        HttpAnswer answer = HttpAnswer.of(
                "{\"jsonrpc\":\"2.0\",\"id\":\"1\",\"error\":{\"code\":-32602,\"message\":\"Invalid params\",\"data\":[{\"field\":\"title\",\"message\":\"must not be blank\"}]}}",
                201);
        assertEquals(400, answer.status());
        assertEquals(
                "title",
                answer.body()
                        .asJsonObject()
                        .getJsonArray("data")
                        .getJsonObject(0)
                        .getString("field"));
    }

    @Test
    void everyCodeHasAStatus() {
        assertEquals(401, HttpAnswer.status(-32001));
        assertEquals(403, HttpAnswer.status(-32003));
        assertEquals(413, HttpAnswer.status(-32009));
        assertEquals(429, HttpAnswer.status(-32005));
        assertEquals(503, HttpAnswer.status(-32601));
        assertEquals(503, HttpAnswer.status(-32006));
        assertEquals(504, HttpAnswer.status(-32004));
        assertEquals(400, HttpAnswer.status(-32700));
        assertEquals(500, HttpAnswer.status(-32603));
    }
}
