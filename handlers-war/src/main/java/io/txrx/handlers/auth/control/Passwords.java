package io.txrx.handlers.auth.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Password hashing with the platform's {@link Pbkdf2PasswordHash}. {@link #verifyOrBurn} spends the same
 * work when there is no user to check, so a wrong login and a wrong password take the same time.
 */
@ApplicationScoped
public class Passwords {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @Inject
    @ConfigProperty(name = "txrx.auth.pbkdf2-iterations")
    int iterations;

    private String decoy;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA512",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(iterations),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
        decoy = hash(generate());
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    /** Checks a password against a stored hash, or against a decoy when {@code storedHash} is null. */
    public boolean verifyOrBurn(String password, String storedHash) {
        boolean matches = pbkdf2.verify(password.toCharArray(), storedHash == null ? decoy : storedHash);
        return storedHash != null && matches;
    }

    /** A random password for seeded users. */
    public String generate() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
