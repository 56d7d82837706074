package io.txrx.process;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.peer.Role;
import org.junit.jupiter.api.Test;

class RolesTest {
    @Test
    void rolesParse() {
        Roles roles = Roles.of("gateway, rpc");
        assertTrue(roles.has(Role.GATEWAY));
        assertFalse(roles.has(Role.DISPATCHER));
        assertTrue(Roles.of("all").has(Role.DISPATCHER));
        assertThrows(IllegalArgumentException.class, () -> Roles.of("router"));
    }
}
