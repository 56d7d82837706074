package io.txrx.gateway.notification.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class BearerTest {

    @Test
    void theCredentialOfABearerHeader() {
        assertEquals("k3y", Bearer.of("Bearer k3y"));
        assertEquals("k3y", Bearer.of("bearer   k3y "));
    }

    @Test
    void noCredentialForOtherSchemesOrNothing() {
        assertNull(Bearer.of(null));
        assertNull(Bearer.of("Bearer "));
        assertNull(Bearer.of("Bearer    "));
        assertNull(Bearer.of("Basic dXNlcjpwYXNz"));
        assertNull(Bearer.of("k3y"));
    }
}
