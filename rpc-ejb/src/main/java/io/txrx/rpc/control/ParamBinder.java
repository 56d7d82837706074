package io.txrx.rpc.control;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbException;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.lang.reflect.Type;
import java.util.Collection;
import java.util.Map;

/** Turns JSON-RPC {@code params} into the Java arguments of one handler method. */
final class ParamBinder {
    private final Jsonb jsonb;
    private final Parameter[] parameters;
    private final boolean wholeParams;

    ParamBinder(Jsonb jsonb, Method method) {
        this.jsonb = jsonb;
        this.parameters = method.getParameters();
        this.wholeParams = parameters.length == 1 && takesWholeParams(parameters[0].getType());
    }

    Object[] bind(JsonValue params) {
        if (parameters.length == 0) {
            return new Object[0];
        }
        if (wholeParams) {
            return new Object[] {convert(params == null ? JsonValue.NULL : params, parameters[0])};
        }
        Object[] args = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            args[i] = convert(argument(params, i), parameters[i]);
        }
        return args;
    }

    private JsonValue argument(JsonValue params, int index) {
        if (params instanceof JsonArray array) {
            return index < array.size() ? array.get(index) : JsonValue.NULL;
        }
        if (params instanceof JsonObject object) {
            return object.getOrDefault(parameters[index].getName(), JsonValue.NULL);
        }
        return JsonValue.NULL;
    }

    private Object convert(JsonValue value, Parameter parameter) {
        Class<?> type = parameter.getType();
        if (JsonValue.class.isAssignableFrom(type)) {
            if (!type.isInstance(value)) {
                throw invalid(
                        parameter.getName() + " must be " + type.getSimpleName().replace("Json", "a JSON "));
            }
            return value;
        }
        if (value.getValueType() == JsonValue.ValueType.NULL) {
            if (type.isPrimitive()) {
                throw invalid(parameter.getName() + " is required");
            }
            return null;
        }
        try {
            Type target = parameter.getParameterizedType();
            return jsonb.fromJson(value.toString(), target);
        } catch (JsonbException e) {
            throw invalid(parameter.getName() + " has the wrong type");
        }
    }

    private static boolean takesWholeParams(Class<?> type) {
        if (JsonValue.class.isAssignableFrom(type)) {
            return true;
        }
        return !type.isPrimitive()
                && !type.isArray()
                && !type.getName().startsWith("java.")
                && !Collection.class.isAssignableFrom(type)
                && !Map.class.isAssignableFrom(type);
    }

    private static JsonRpcException invalid(String why) {
        return new JsonRpcException(ErrorCode.INVALID_PARAMS, "Invalid params: " + why);
    }
}
