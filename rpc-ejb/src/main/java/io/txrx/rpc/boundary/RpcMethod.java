package io.txrx.rpc.boundary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of a CDI bean as the handler of a JSON-RPC method. The part of the name before the first
 * dot is the service ({@code "system.ping"} belongs to {@code system}); the service's methods become the
 * shard this instance announces.
 *
 * <p>Parameters are bound from {@code params} with JSON-B: by position from an array, by parameter name
 * from an object; a single parameter of a class or record type takes the whole params object, and a
 * {@code JsonValue} parameter takes params exactly as sent. Bean Validation constraints on parameters are
 * checked first and answered with -32602.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RpcMethod {
    /** The JSON-RPC method name, {@code service.name}. */
    String value();
}
