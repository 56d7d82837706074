package io.txrx.rpc.control;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.identity.Caller;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Set;

/** One handler method of one bean: binds params, validates them, invokes, and turns the result into JSON. */
public final class Handler {
    private final String name;
    private final Object bean;
    private final Method method;
    private final ParamBinder binder;
    private final Jsonb jsonb;
    private final Validator validator;
    private final Access access;

    public Handler(String name, Object bean, Method method, Jsonb jsonb, Validator validator) {
        this.name = name;
        this.bean = bean;
        this.method = method;
        this.binder = new ParamBinder(jsonb, method);
        this.jsonb = jsonb;
        this.validator = validator;
        this.access = Access.of(method);
    }

    public String name() {
        return name;
    }

    public String service() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    /** Runs the handler and answers its result as JSON text; failures come out as {@link JsonRpcException} with the code the client should see. */
    public String invoke(JsonValue params, Caller caller) {
        access.check(caller);
        Object[] args = binder.bind(params);
        Set<ConstraintViolation<Object>> violations = validator.forExecutables().validateParameters(bean, method, args);
        if (!violations.isEmpty()) {
            throw invalidParams(violations);
        }
        try {
            return toJson(method.invoke(bean, args));
        } catch (InvocationTargetException e) {
            throw translate(e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("Handler " + name + " is not accessible", e);
        }
    }

    private String toJson(Object result) {
        if (result == null) {
            return "null";
        }
        return result instanceof JsonValue json ? json.toString() : jsonb.toJson(result);
    }

    private static RuntimeException translate(Throwable cause) {
        if (cause instanceof JsonRpcException rpc) {
            return rpc;
        }
        if (cause instanceof ConstraintViolationException violations) {
            return invalidParams(violations.getConstraintViolations());
        }
        return cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause);
    }

    private static JsonRpcException invalidParams(Set<? extends ConstraintViolation<?>> violations) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        violations.forEach(v -> data.add(JSON.createObjectBuilder()
                .add("field", field(v.getPropertyPath().toString()))
                .add("message", v.getMessage())));
        return new JsonRpcException(ErrorCode.INVALID_PARAMS, "Invalid params", data.build());
    }

    /** Drops the method and argument part of a path such as {@code register.arg0.email}. */
    private static String field(String path) {
        String[] parts = path.split("\\.", 3);
        return parts.length == 3 ? parts[2] : parts[parts.length - 1];
    }
}
