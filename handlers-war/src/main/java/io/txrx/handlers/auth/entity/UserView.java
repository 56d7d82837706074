package io.txrx.handlers.auth.entity;

import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;

/** A user as clients see it: never the password hash. */
public record UserView(
        long id,
        String email,
        String username,
        String displayName,
        Set<String> roles,
        Instant createdAt,
        Instant lastLoginAt,
        boolean disabled) {

    public static UserView of(User user) {
        return new UserView(
                user.getId(),
                user.getEmail(),
                user.getUsername(),
                user.getDisplayName(),
                new TreeSet<>(user.getRoles()),
                user.getCreatedAt(),
                user.getLastLoginAt(),
                user.isDisabled());
    }
}
