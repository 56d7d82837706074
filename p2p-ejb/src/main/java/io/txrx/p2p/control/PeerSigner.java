package io.txrx.p2p.control;

import io.txrx.peer.PeerMessage;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs and checks P2P messages with HMAC-SHA256 over a pre-shared key, and refuses messages whose
 * timestamp is outside a window, so a recorded message cannot be replayed later.
 */
public final class PeerSigner {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    private final long windowMs;

    public PeerSigner(String preSharedKey, long windowMs) {
        if (preSharedKey == null || preSharedKey.isBlank()) {
            throw new IllegalArgumentException("txrx.p2p.psk is not set: every peer needs the same pre-shared key");
        }
        this.key = new SecretKeySpec(preSharedKey.getBytes(StandardCharsets.UTF_8), ALGORITHM);
        this.windowMs = windowMs;
    }

    public String sign(PeerMessage message) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(message.signingInput().getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    /** Whether the signature is right (compared in constant time) and the timestamp within the window. */
    public boolean verify(PeerMessage message, String signature, long nowMs) {
        if (signature == null || Math.abs(nowMs - message.ts()) > windowMs) {
            return false;
        }
        return MessageDigest.isEqual(
                sign(message).getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII));
    }
}
