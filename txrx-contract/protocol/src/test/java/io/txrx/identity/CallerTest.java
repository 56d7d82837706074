package io.txrx.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

    @Test
    void roundTrips() {
        Caller ann = new Caller("42", "ann", Set.of("admin", "user"), "7");
        assertEquals("{\"id\":\"42\",\"name\":\"ann\",\"roles\":[\"admin\",\"user\"],\"session\":\"7\"}", ann.toJson());
        assertEquals(ann, Caller.fromJson(ann.toJson()));
        assertTrue(ann.hasRole("admin"));
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> Caller.fromJson("{\"id\":1}"));
    }
}
