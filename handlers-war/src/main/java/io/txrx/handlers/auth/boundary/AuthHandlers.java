package io.txrx.handlers.auth.boundary;

import io.txrx.handlers.auth.control.Accounts;
import io.txrx.handlers.auth.control.Passwords;
import io.txrx.handlers.auth.control.SignInLimiter;
import io.txrx.handlers.auth.entity.LoginSession;
import io.txrx.handlers.auth.entity.User;
import io.txrx.handlers.auth.entity.UserView;
import io.txrx.identity.Caller;
import io.txrx.identity.SignOut;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.rpc.boundary.CallContext;
import io.txrx.rpc.boundary.RpcMethod;
import io.txrx.rpc.boundary.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;

/**
 * The {@code auth} service. A successful {@code auth.login} or {@code auth.resume} binds the user to the
 * socket (the gateway then stamps every later call from it); {@code auth.logout} ends the session and
 * unbinds, and {@code auth.changePassword} ends the user's other sessions: both sign out the sockets bound
 * to the ended sessions on every gateway ({@link SignOut}). Unknown login and wrong password fail alike,
 * in the same time.
 */
@ApplicationScoped
@Transactional
public class AuthHandlers {
    static final String INVALID_CREDENTIALS = "Invalid login or password";

    public record Registration(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Pattern(regexp = "[A-Za-z0-9_.-]{3,32}", message = "3 to 32 letters, digits, _ . or -")
                    String username,
            @NotBlank @Size(max = 100) String displayName,
            @NotBlank @Size(min = 8, max = 200) String password) {}

    public record Credentials(@NotBlank String login, @NotBlank String password) {}

    public record Resumption(@NotBlank String token) {}

    public record PasswordChange(
            @NotBlank String currentPassword, @NotBlank @Size(min = 8, max = 200) String newPassword) {}

    public record SignedInSession(String token, Instant expiresAt, UserView user) {}

    public record ResumedSession(Instant expiresAt, UserView user) {}

    @Inject
    Accounts accounts;

    @Inject
    Passwords passwords;

    @Inject
    SignInLimiter limiter;

    @Inject
    CallContext call;

    @Inject
    Event<SignOut> signOuts;

    @RpcMethod("auth.register")
    public UserView register(@Valid Registration registration) {
        User user = new User(
                registration.email().trim().toLowerCase(),
                registration.username(),
                registration.displayName().trim(),
                passwords.hash(registration.password()),
                Set.of("user"));
        return UserView.of(accounts.create(user));
    }

    @RpcMethod("auth.login")
    @Transactional(dontRollbackOn = JsonRpcException.class)
    public SignedInSession login(@Valid Credentials credentials) {
        String login = credentials.login().trim().toLowerCase();
        limiter.check(login, call.connection());
        User user = accounts.byLogin(login).orElse(null);
        boolean matches = passwords.verifyOrBurn(credentials.password(), user == null ? null : user.getPasswordHash());
        if (!matches || user.isDisabled()) {
            limiter.failed(login, call.connection());
            throw new JsonRpcException(ErrorCode.UNAUTHORIZED, INVALID_CREDENTIALS);
        }
        limiter.succeeded(login);
        Instant now = Instant.now();
        user.signedIn(now);
        Accounts.Opened opened = accounts.openSession(user, now);
        call.bind(Accounts.callerOf(opened.session()));
        return new SignedInSession(opened.token(), opened.session().getExpiresAt(), UserView.of(user));
    }

    /** A reconnecting socket presents its token; the session slides on by its time to live. */
    @RpcMethod("auth.resume")
    public ResumedSession resume(@Valid Resumption resumption) {
        Instant now = Instant.now();
        LoginSession session = accounts.sessionOf(resumption.token())
                .filter(s -> s.isActive(now))
                .orElseThrow(() -> new JsonRpcException(ErrorCode.UNAUTHORIZED, "Session expired or revoked"));
        session.renew(now, accounts.sessionTtl());
        call.bind(Accounts.callerOf(session));
        return new ResumedSession(session.getExpiresAt(), UserView.of(session.getUser()));
    }

    @RpcMethod("auth.logout")
    @SignedIn
    public boolean logout() {
        Caller caller = call.requireCaller();
        if (!caller.session().isEmpty()) {
            accounts.session(Long.parseLong(caller.session())).ifPresent(s -> s.revoke(Instant.now()));
            signOuts.fire(SignOut.logout(caller.session(), call.connection()));
        }
        call.unbind();
        return true;
    }

    @RpcMethod("auth.me")
    @SignedIn
    public UserView me() {
        return UserView.of(accounts.byId(Long.parseLong(call.requireCaller().id())));
    }

    /** Changes the password and ends every other session of the user, signing out their sockets. */
    @RpcMethod("auth.changePassword")
    @SignedIn
    public boolean changePassword(@Valid PasswordChange change) {
        Caller caller = call.requireCaller();
        User user = accounts.byId(Long.parseLong(caller.id()));
        if (!passwords.verifyOrBurn(change.currentPassword(), user.getPasswordHash())) {
            throw new JsonRpcException(ErrorCode.UNAUTHORIZED, "The current password is wrong");
        }
        user.setPasswordHash(passwords.hash(change.newPassword()));
        accounts.revokeSessions(
                user, caller.session().isEmpty() ? -1 : Long.parseLong(caller.session()), Instant.now());
        signOuts.fire(SignOut.passwordChanged(caller.id(), caller.session(), call.connection()));
        return true;
    }
}
