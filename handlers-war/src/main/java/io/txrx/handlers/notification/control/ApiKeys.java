package io.txrx.handlers.notification.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;

/**
 * The API keys of {@code txrx.notifications.api-keys} (a comma list; blanks ignored). A key is compared in
 * time independent of where it differs, against every configured key.
 */
public final class ApiKeys {
    private final List<byte[]> keys;

    private ApiKeys(List<byte[]> keys) {
        this.keys = keys;
    }

    public static ApiKeys of(String commaList) {
        if (commaList == null) {
            return new ApiKeys(List.of());
        }
        return new ApiKeys(Arrays.stream(commaList.split(","))
                .map(String::trim)
                .filter(key -> !key.isEmpty())
                .map(key -> key.getBytes(StandardCharsets.UTF_8))
                .toList());
    }

    public boolean isEmpty() {
        return keys.isEmpty();
    }

    public boolean matches(String presented) {
        if (presented == null || presented.isEmpty()) {
            return false;
        }
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        boolean match = false;
        for (byte[] key : keys) {
            match |= MessageDigest.isEqual(key, given);
        }
        return match;
    }
}
