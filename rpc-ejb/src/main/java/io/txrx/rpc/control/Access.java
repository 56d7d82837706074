package io.txrx.rpc.control;

import io.txrx.identity.Caller;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.rpc.boundary.SignedIn;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.lang.reflect.Method;
import java.util.Set;

/** Who may call one handler, from its {@link SignedIn}, {@code RolesAllowed} and {@code PermitAll}. */
final class Access {
    private final boolean signedIn;
    private final Set<String> roles;

    private Access(boolean signedIn, Set<String> roles) {
        this.signedIn = signedIn;
        this.roles = roles;
    }

    static Access of(Method method) {
        if (method.isAnnotationPresent(PermitAll.class)) {
            return new Access(false, Set.of());
        }
        RolesAllowed roles = method.getAnnotation(RolesAllowed.class);
        if (roles == null && !method.isAnnotationPresent(SignedIn.class)) {
            roles = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        boolean signedIn = roles != null
                || method.isAnnotationPresent(SignedIn.class)
                || method.getDeclaringClass().isAnnotationPresent(SignedIn.class);
        return new Access(signedIn, roles == null ? Set.of() : Set.of(roles.value()));
    }

    /** Throws -32001 without a caller where one is needed, -32003 when the caller lacks every allowed role. */
    void check(Caller caller) {
        if (!signedIn) {
            return;
        }
        if (caller == null) {
            throw new JsonRpcException(ErrorCode.UNAUTHORIZED, "Sign in first");
        }
        if (!roles.isEmpty() && roles.stream().noneMatch(caller::hasRole)) {
            throw new JsonRpcException(ErrorCode.FORBIDDEN, "Forbidden: needs role " + String.join(" or ", roles));
        }
    }
}
