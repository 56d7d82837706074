package io.txrx.launcher;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Random secrets for a run that was given none (the P2P key, the embedded database password). */
public final class Secrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Secrets() {}

    /** {@code bytes} random bytes as lower-case hex. */
    public static String randomHex(int bytes) {
        byte[] secret = new byte[bytes];
        RANDOM.nextBytes(secret);
        return HexFormat.of().formatHex(secret);
    }
}
