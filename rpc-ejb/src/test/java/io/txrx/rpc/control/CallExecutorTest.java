package io.txrx.rpc.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallExecutorTest {

    public record Greeting(@NotBlank String name, @Size(max = 5) String title) {}

    public static class Sample {
        public String ping() {
            return "pong";
        }

        public JsonValue echo(JsonValue params) {
            return params;
        }

        public String greet(@jakarta.validation.Valid Greeting greeting) {
            return "hi " + greeting.name();
        }

        public int add(int a, int b) {
            return a + b;
        }

        public void fail() {
            throw new IllegalStateException("secret detail");
        }

        public void refuse() {
            throw new JsonRpcException(-32050, "Not today");
        }

        public void store() {
            throw new IllegalStateException("commit failed", new java.sql.SQLException("Connection refused", "08001"));
        }

        @jakarta.annotation.security.RolesAllowed("admin")
        public String admin() {
            return "admin only";
        }

        @io.txrx.rpc.boundary.SignedIn
        public String signIn() {
            new io.txrx.rpc.boundary.CallContext()
                    .bind(new io.txrx.identity.Caller("7", "ann", java.util.Set.of("user"), "s1"));
            return "ok";
        }
    }

    private final Jsonb jsonb = JsonbBuilder.create();
    private final Validator validator =
            Validation.buildDefaultValidatorFactory().getValidator();
    private final HandlerRegistry registry = new HandlerRegistry();
    private final CallExecutor cut = new CallExecutor(registry);

    CallExecutorTest() throws Exception {
        Sample sample = new Sample();
        for (String name :
                new String[] {"ping", "echo", "greet", "add", "fail", "refuse", "store", "admin", "signIn"}) {
            var method = java.util.Arrays.stream(Sample.class.getMethods())
                    .filter(m -> m.getName().equals(name))
                    .findFirst()
                    .orElseThrow();
            registry.register(new Handler("sample." + name, sample, method, jsonb, validator));
        }
    }

    private String call(String msg) {
        return cut.execute(Map.of("gw", "g", "sid", "s", "cid", "9", "msg", msg))
                .orElseThrow()
                .get("msg");
    }

    @Test
    void resultsEchoTheIdWithItsType() {
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"result\":\"pong\"}",
                call("{\"jsonrpc\":\"2.0\",\"id\":\"x\",\"method\":\"sample.ping\"}"));
    }

    @Test
    void echoReturnsParamsExactly() {
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"b\":[1,2.50,\"x\"],\"a\":null}}",
                call(
                        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.echo\",\"params\":{\"b\":[1,2.50,\"x\"],\"a\":null}}"));
        assertEquals(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":[true]}",
                call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.echo\",\"params\":[true]}"));
    }

    @Test
    void paramsBindByPositionAndByName() {
        assertTrue(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.add\",\"params\":[2,3]}")
                .contains("\"result\":5"));
        assertTrue(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.add\",\"params\":{\"b\":3,\"a\":4}}")
                .contains("\"result\":7"));
        assertTrue(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.add\",\"params\":[\"x\",3]}")
                .contains("-32602"));
    }

    @Test
    void violationsAreInvalidParamsWithTheFieldsInData() {
        String reply = call(
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.greet\",\"params\":{\"name\":\"\",\"title\":\"toolong\"}}");
        assertTrue(reply.contains("\"code\":" + ErrorCode.INVALID_PARAMS), reply);
        assertTrue(reply.contains("\"field\":\"name\""), reply);
        assertTrue(reply.contains("\"field\":\"title\""), reply);
        assertTrue(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.greet\",\"params\":{\"name\":\"Ann\"}}")
                .contains("\"result\":\"hi Ann\""));
    }

    @Test
    void unexpectedFailuresHideTheirDetail() {
        String reply = call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.fail\"}");
        assertTrue(reply.contains("\"code\":-32603"), reply);
        assertFalse(reply.contains("secret"), reply);
        assertTrue(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.refuse\"}")
                .contains("{\"code\":-32050,\"message\":\"Not today\"}"));
    }

    @Test
    void aDatabaseOutageIsAShortInternalError() {
        assertTrue(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.store\"}")
                .contains("{\"code\":-32603,\"message\":\"Database unavailable: try again later\"}"));
    }

    private Map<String, String> callAs(String user, String method) {
        Map<String, String> entry = new java.util.HashMap<>(Map.of(
                "gw",
                "g",
                "sid",
                "s",
                "cid",
                "9",
                "msg",
                "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\"}"));
        if (user != null) {
            entry.put("user", user);
        }
        return cut.execute(entry).orElseThrow();
    }

    @Test
    void signedInAndRolesAreCheckedBeforeTheHandler() {
        String ann = new io.txrx.identity.Caller("7", "ann", java.util.Set.of("user"), "s1").toJson();
        String root = new io.txrx.identity.Caller("1", "root", java.util.Set.of("admin"), "s2").toJson();
        assertTrue(callAs(null, "sample.admin").get("msg").contains("\"code\":-32001"));
        assertTrue(callAs(ann, "sample.admin").get("msg").contains("\"code\":-32003"));
        assertTrue(callAs(root, "sample.admin").get("msg").contains("\"result\":\"admin only\""));
    }

    @Test
    void aHandlerCanBindTheCallerToTheSocket() {
        String ann = new io.txrx.identity.Caller("7", "ann", java.util.Set.of("user"), "s1").toJson();
        Map<String, String> reply = callAs(ann, "sample.signIn");
        assertEquals(ann, reply.get("bind"));
        assertFalse(callAs(ann, "sample.ping").containsKey("bind"));
    }

    @Test
    void unknownMethodsAndNotifications() {
        assertTrue(call("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"sample.nope\"}")
                .contains("-32601"));
        assertTrue(cut.execute(Map.of("gw", "g", "sid", "s", "msg", "{\"jsonrpc\":\"2.0\",\"method\":\"sample.ping\"}"))
                .isEmpty());
    }
}
