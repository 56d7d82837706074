package io.txrx.handlers.notification.control;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ApiKeysTest {

    @Test
    void anyConfiguredKeyMatchesExactly() {
        ApiKeys cut = ApiKeys.of(" first-key , second-key,,");
        assertTrue(cut.matches("first-key"));
        assertTrue(cut.matches("second-key"));
        assertFalse(cut.matches("first-ke"));
        assertFalse(cut.matches("first-key "));
        assertFalse(cut.matches("SECOND-KEY"));
        assertFalse(cut.matches(""));
        assertFalse(cut.matches(null));
    }

    @Test
    void noKeysConfiguredMatchesNothing() {
        assertTrue(ApiKeys.of(null).isEmpty());
        assertTrue(ApiKeys.of(" , ").isEmpty());
        assertFalse(ApiKeys.of(null).matches("anything"));
        assertFalse(ApiKeys.of("").matches(""));
    }
}
