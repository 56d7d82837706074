package io.txrx.gateway.channel.control;

import io.txrx.channel.ChannelName;
import io.txrx.channel.NotificationChannels;
import io.txrx.identity.Caller;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who may read (subscribe, history) and publish which channel from a socket. The default: anyone signed in
 * may read and publish; channels matching {@code txrx.channel.public-pattern} are readable by anyone, signed
 * in or not; {@code user:<id>} channels are readable only by that user; public and {@code user:} channels are
 * published only server-side ({@link ChannelPublisher}); the notification channels
 * ({@link NotificationChannels}) are neither read nor published from a socket. {@code txrx.channel.allow-anonymous} lets a socket
 * nobody signed in on act as signed in (without an id), for demos and tests.
 * <p>
 * A seam: replace it with an {@code @Alternative @Priority(...)} subclass to apply your own rules.
 */
@ApplicationScoped
public class ChannelPolicy {

    /** The answer to "may this caller do this": yes, sign in first (-32001), or no (-32003). */
    public enum Access {
        ALLOWED,
        SIGN_IN_REQUIRED,
        FORBIDDEN
    }

    @Inject
    @ConfigProperty(name = "txrx.channel.public-pattern")
    String publicPattern;

    @Inject
    @ConfigProperty(name = "txrx.channel.allow-anonymous")
    boolean allowAnonymous;

    private Pattern publicChannels;

    public static ChannelPolicy of(String publicPattern, boolean allowAnonymous) {
        ChannelPolicy policy = new ChannelPolicy();
        policy.publicPattern = publicPattern;
        policy.allowAnonymous = allowAnonymous;
        policy.compile();
        return policy;
    }

    @PostConstruct
    void compile() {
        publicChannels = Pattern.compile(publicPattern);
    }

    /**
     * May {@code caller} ({@code null} when the socket is not signed in) subscribe to {@code channel} or
     * read its history?
     */
    public Access read(Caller caller, String channel) {
        if (NotificationChannels.isReserved(channel)) {
            return Access.FORBIDDEN; // delivered by notifications.subscribe and the SSE stream only
        }
        if (isPublic(channel)) {
            return Access.ALLOWED;
        }
        String owner = ChannelName.userOf(channel);
        if (owner != null) {
            if (caller != null) {
                return owner.equals(caller.id()) ? Access.ALLOWED : Access.FORBIDDEN;
            }
            return allowAnonymous ? Access.FORBIDDEN : Access.SIGN_IN_REQUIRED;
        }
        return signedIn(caller);
    }

    /** May {@code caller} ({@code null} when the socket is not signed in) publish to {@code channel}? */
    public Access publish(Caller caller, String channel) {
        if (isPublic(channel) || ChannelName.userOf(channel) != null || NotificationChannels.isReserved(channel)) {
            return Access.FORBIDDEN;
        }
        return signedIn(caller);
    }

    protected boolean isPublic(String channel) {
        return publicChannels.matcher(channel).matches();
    }

    protected Access signedIn(Caller caller) {
        return caller != null || allowAnonymous ? Access.ALLOWED : Access.SIGN_IN_REQUIRED;
    }
}
