package io.txrx.handlers.auth.boundary;

import io.txrx.handlers.auth.control.Accounts;
import io.txrx.handlers.auth.entity.User;
import io.txrx.handlers.auth.entity.UserView;
import io.txrx.identity.SignOut;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.rpc.boundary.CallContext;
import io.txrx.rpc.boundary.RpcMethod;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;

/** The admin's part of the {@code auth} service. */
@ApplicationScoped
@Transactional
@RolesAllowed("admin")
public class UserAdminHandlers {

    public record UserPage(List<UserView> items, int page, int size, long total) {}

    @Inject
    Accounts accounts;

    @Inject
    CallContext call;

    @Inject
    Event<SignOut> signOuts;

    /** Users by id, {@code size} a page (default 20). */
    @RpcMethod("auth.users")
    public UserPage users(@Min(0) Integer page, @Min(1) @Max(100) Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        return new UserPage(accounts.page(p, s).stream().map(UserView::of).toList(), p, s, accounts.count());
    }

    /** Disables a user and ends all their sessions, signing out their sockets on every gateway. */
    @RpcMethod("auth.disable")
    public UserView disable(@Min(1) long userId) {
        if (Long.toString(userId).equals(call.requireCaller().id())) {
            throw new JsonRpcException(ErrorCode.INVALID_PARAMS, "You cannot disable yourself");
        }
        User user = accounts.byId(userId);
        user.disable();
        accounts.revokeSessions(user, -1, Instant.now());
        signOuts.fire(SignOut.disabled(user.getId().toString()));
        return UserView.of(user);
    }
}
