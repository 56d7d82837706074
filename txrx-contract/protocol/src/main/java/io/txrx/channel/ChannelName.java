package io.txrx.channel;

import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import java.util.regex.Pattern;

/**
 * What a channel may be called: 1 to 200 of letters, digits and {@code _ . : @ = + ~ / -}. Braces are not
 * allowed, so a name can never smuggle a Redis Cluster hash tag into its key. {@code user:<id>} names the
 * private channel of one user.
 */
public final class ChannelName {
    public static final int MAX_LENGTH = 200;
    private static final String USER_PREFIX = "user:";
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9_.:@=+~/-]{1," + MAX_LENGTH + "}");

    private ChannelName() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }

    /** The name itself; throws a -32602 {@link JsonRpcException} when it is not a valid channel name. */
    public static String validate(String name) {
        if (!isValid(name)) {
            throw new JsonRpcException(
                    ErrorCode.INVALID_PARAMS,
                    "channel must be 1 to " + MAX_LENGTH + " of letters, digits and _ . : @ = + ~ / -");
        }
        return name;
    }

    /** The private channel of a user. */
    public static String ofUser(String userId) {
        return validate(USER_PREFIX + userId);
    }

    /** The user a private channel belongs to, or {@code null} when the channel is not a {@code user:} one. */
    public static String userOf(String name) {
        return name.startsWith(USER_PREFIX) ? name.substring(USER_PREFIX.length()) : null;
    }
}
