package io.txrx.p2p.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.peer.Shard;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RouteTableTest {
    private final RouteTable cut = new RouteTable();

    private static Shard shard(String instance, String... methods) {
        return new Shard("system", "txrx:rpc:system", List.of(methods), instance, "1");
    }

    @Test
    void aSharedMethodBecomesRoutableAndBumpsTheVersion() {
        assertEquals(Optional.empty(), cut.streamFor("system.ping"));
        assertTrue(cut.merge(shard("a", "system.ping"), 0));
        assertEquals(Optional.of("txrx:rpc:system"), cut.streamFor("system.ping"));
        assertEquals(1, cut.version());
        assertFalse(cut.merge(shard("a", "system.ping"), 10), "the same shard again adds nothing");
        assertEquals(1, cut.version());
    }

    @Test
    void aMethodStaysRoutableWhileAnyInstanceLives() {
        cut.merge(shard("a", "system.ping"), 0);
        cut.merge(shard("b", "system.ping"), 0);
        cut.drop("a");
        assertTrue(cut.streamFor("system.ping").isPresent());
        cut.drop("b");
        assertTrue(cut.streamFor("system.ping").isEmpty());
    }

    @Test
    void silentInstancesExpireAndHeartbeatsKeepThemAlive() {
        cut.merge(shard("a", "system.ping"), 0);
        cut.merge(shard("b", "system.echo"), 0);
        assertTrue(cut.heard("a", 5000));
        assertFalse(cut.heard("stranger", 5000));
        assertEquals(1, cut.expire(8000, 7000));
        assertEquals(Map.of("system.ping", "system"), cut.methods());
    }

    @Test
    void peersSilentOnlyWhileThisPeerCouldNotReadAreNotExpired() {
        cut.merge(shard("a", "system.ping"), 0);

        cut.heardAll(9000);

        assertEquals(0, cut.expire(10_000, 7000));
        assertEquals(Map.of("system.ping", "system"), cut.methods());
        assertEquals(1, cut.expire(16_001, 7000), "a peer that stays silent after that still expires");
    }

    @Test
    void aRouteComingBackBumpsTheVersionAgain() {
        cut.merge(shard("a", "system.ping"), 0);
        cut.drop("a");
        cut.merge(shard("b", "system.ping"), 0);
        assertEquals(2, cut.version());
    }
}
