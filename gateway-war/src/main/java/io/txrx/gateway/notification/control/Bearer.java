package io.txrx.gateway.notification.control;

/** The credential of an {@code Authorization: Bearer <key>} header. */
public final class Bearer {
    private static final String SCHEME = "bearer ";

    private Bearer() {}

    /** The key or token, or {@code null} when the header is absent, of another scheme, or empty. */
    public static String of(String header) {
        if (header == null || header.length() <= SCHEME.length()) {
            return null;
        }
        if (!header.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return null;
        }
        String credential = header.substring(SCHEME.length()).trim();
        return credential.isEmpty() ? null : credential;
    }
}
