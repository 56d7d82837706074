package io.txrx.process;

import io.txrx.peer.Role;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The roles switched on in this process by {@code txrx.roles}: a comma list of roles, or {@code all}. */
@ApplicationScoped
public class Roles {

    @Inject
    @ConfigProperty(name = "txrx.roles")
    String configured;

    private Set<Role> enabled;

    public static Roles of(String configured) {
        Roles roles = new Roles();
        roles.configured = configured;
        roles.parse();
        return roles;
    }

    @PostConstruct
    void parse() {
        enabled = EnumSet.noneOf(Role.class);
        for (String name : configured.split(",")) {
            String role = name.trim().toUpperCase(Locale.ROOT);
            if (role.equals("ALL")) {
                enabled.addAll(EnumSet.allOf(Role.class));
            } else if (!role.isEmpty()) {
                try {
                    enabled.add(Role.valueOf(role));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(
                            "txrx.roles: unknown role '" + name.trim() + "', expected all or a comma list of "
                                    + Arrays.toString(Role.values()),
                            e);
                }
            }
        }
    }

    public boolean has(Role role) {
        return enabled.contains(role);
    }

    /** The enabled roles as a comma list, as peers announce them. */
    public String describe() {
        return enabled.stream().map(Role::id).collect(Collectors.joining(","));
    }
}
