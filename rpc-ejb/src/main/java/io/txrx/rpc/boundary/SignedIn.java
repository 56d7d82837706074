package io.txrx.rpc.boundary;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The handler (or every handler of the class) needs a signed-in caller: without one the client gets -32001.
 * For roles use {@code jakarta.annotation.security.RolesAllowed} (-32003 when the caller lacks them);
 * {@code PermitAll} on a method lifts a class-level requirement.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface SignedIn {}
