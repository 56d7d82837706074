package io.txrx.gateway.channel.control;

import static io.txrx.gateway.channel.control.ChannelPolicy.Access.ALLOWED;
import static io.txrx.gateway.channel.control.ChannelPolicy.Access.FORBIDDEN;
import static io.txrx.gateway.channel.control.ChannelPolicy.Access.SIGN_IN_REQUIRED;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.txrx.identity.Caller;
import org.junit.jupiter.api.Test;

class ChannelPolicyTest {
    private static final Caller ANN = Caller.fromJson("{\"id\":\"ann\",\"name\":\"Ann\",\"roles\":[\"user\"]}");
    private static final Caller BOB = Caller.fromJson("{\"id\":\"bob\",\"name\":\"Bob\",\"roles\":[\"user\"]}");

    private final ChannelPolicy cut = ChannelPolicy.of("public\\..*", false);

    @Test
    void anyoneSignedInMayReadAndPublishAnOrdinaryChannel() {
        assertEquals(ALLOWED, cut.read(ANN, "room.7"));
        assertEquals(ALLOWED, cut.publish(ANN, "room.7"));
    }

    @Test
    void aSocketNobodySignedInOnMustSignInFirst() {
        assertEquals(SIGN_IN_REQUIRED, cut.read(null, "room.7"));
        assertEquals(SIGN_IN_REQUIRED, cut.publish(null, "room.7"));
        assertEquals(SIGN_IN_REQUIRED, cut.read(null, "user:ann"));
    }

    @Test
    void publicChannelsAreReadableByAnyoneAndPublishedOnlyServerSide() {
        assertEquals(ALLOWED, cut.read(null, "public.news"));
        assertEquals(ALLOWED, cut.read(ANN, "public.news"));
        assertEquals(FORBIDDEN, cut.publish(ANN, "public.news"));
        assertEquals(FORBIDDEN, cut.publish(null, "public.news"));
        assertEquals(SIGN_IN_REQUIRED, cut.read(null, "publicnews"), "the pattern matches the whole name");
    }

    @Test
    void notificationChannelsAreNeitherReadNorPublishedWithChannelMethods() {
        ChannelPolicy everythingPublic = ChannelPolicy.of(".*", true);
        for (String channel : new String[] {"notifications.news", "notifications@users"}) {
            assertEquals(FORBIDDEN, everythingPublic.read(ANN, channel), channel);
            assertEquals(FORBIDDEN, everythingPublic.publish(ANN, channel), channel);
            assertEquals(FORBIDDEN, cut.read(null, channel), channel);
        }
    }

    @Test
    void aUserCannotReadAnotherUsersPrivateChannel() {
        assertEquals(ALLOWED, cut.read(ANN, "user:ann"));
        assertEquals(FORBIDDEN, cut.read(BOB, "user:ann"));
        assertEquals(FORBIDDEN, cut.publish(ANN, "user:ann"), "private channels are published server-side");
    }

    @Test
    void allowAnonymousLetsAnUnsignedSocketActSignedInButOwnNoPrivateChannel() {
        ChannelPolicy open = ChannelPolicy.of("public\\..*", true);
        assertEquals(ALLOWED, open.read(null, "room.7"));
        assertEquals(ALLOWED, open.publish(null, "room.7"));
        assertEquals(FORBIDDEN, open.read(null, "user:ann"));
        assertEquals(FORBIDDEN, open.publish(null, "public.news"));
    }

    @Test
    void thePublicPatternIsConfigurable() {
        ChannelPolicy custom = ChannelPolicy.of("(news|status)\\..*", false);
        assertEquals(ALLOWED, custom.read(null, "status.api"));
        assertEquals(SIGN_IN_REQUIRED, custom.read(null, "public.news"));
    }
}
