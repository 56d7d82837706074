package io.txrx.handlers.profile.boundary;

import io.txrx.handlers.auth.control.Accounts;
import io.txrx.handlers.auth.entity.User;
import io.txrx.handlers.profile.entity.Profile;
import io.txrx.rpc.boundary.CallContext;
import io.txrx.rpc.boundary.RpcMethod;
import io.txrx.rpc.boundary.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** The {@code profile} service: the signed-in user's own profile. */
@ApplicationScoped
@Transactional
@SignedIn
public class ProfileHandlers {

    public record ProfileView(long userId, String displayName, String bio, String location, Instant updatedAt) {}

    public record ProfileUpdate(
            @NotBlank @Size(max = 100) String displayName,
            @Size(max = 500) String bio,
            @Size(max = 100) String location) {}

    @PersistenceContext(unitName = "txrx")
    EntityManager em;

    @Inject
    Accounts accounts;

    @Inject
    CallContext call;

    @RpcMethod("profile.get")
    public ProfileView get() {
        User user = currentUser();
        return view(user, profileOf(user));
    }

    @RpcMethod("profile.update")
    public ProfileView update(@Valid ProfileUpdate update) {
        User user = currentUser();
        Profile profile = profileOf(user);
        user.setDisplayName(update.displayName().trim());
        profile.update(update.bio(), update.location());
        return view(user, profile);
    }

    private User currentUser() {
        return accounts.byId(Long.parseLong(call.requireCaller().id()));
    }

    private Profile profileOf(User user) {
        Profile profile = em.find(Profile.class, user.getId());
        if (profile == null) {
            profile = new Profile(user.getId());
            em.persist(profile);
        }
        return profile;
    }

    private static ProfileView view(User user, Profile profile) {
        return new ProfileView(
                user.getId(), user.getDisplayName(), profile.getBio(), profile.getLocation(), profile.getUpdatedAt());
    }
}
