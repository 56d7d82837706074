package io.txrx.p2p.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.peer.PeerMessage;
import io.txrx.peer.Shard;
import io.txrx.process.Roles;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeerProtocolTest {
    private final Shard system = new Shard("system", "txrx:rpc:system", List.of("system.ping"), "rpc-1", "1");
    private final RouteTable dispatcherRoutes = new RouteTable();
    private final PeerProtocol dispatcher =
            new PeerProtocol("disp-1", Roles.of("dispatcher"), dispatcherRoutes, List::of);
    private final PeerProtocol rpc =
            new PeerProtocol("rpc-1", Roles.of("rpc"), new RouteTable(), () -> List.of(system));

    @Test
    void rpcStartingAfterTheDispatcherIsGreetedAndShares() {
        List<PeerMessage> hello = dispatcher.receive(rpc.init(0), 0);
        assertEquals(PeerMessage.HELLO, hello.get(0).type());
        assertEquals("rpc-1", hello.get(0).to());
        List<PeerMessage> shares = rpc.receive(hello.get(0), 0);
        assertEquals(PeerMessage.SHARE, shares.get(0).type());
        dispatcher.receive(shares.get(0), 0);
        assertEquals(
                "txrx:rpc:system", dispatcherRoutes.streamFor("system.ping").orElseThrow());
    }

    @Test
    void dispatcherStartingAfterRpcGetsTheShareFromItsInit() {
        List<PeerMessage> shares = rpc.receive(dispatcher.init(0), 0);
        assertEquals(1, shares.size());
        dispatcher.receive(shares.get(0), 0);
        assertTrue(dispatcherRoutes.streamFor("system.ping").isPresent());
    }

    @Test
    void aHelloForAnotherInstanceIsIgnored() {
        PeerMessage hello = new PeerMessage(PeerMessage.HELLO, "disp-1", "dispatcher", "rpc-2", "", 0);
        assertTrue(rpc.receive(hello, 0).isEmpty());
    }

    @Test
    void aHeartbeatFromAnUnknownRpcPeerTriggersAHello() {
        List<PeerMessage> out = dispatcher.receive(rpc.heartbeat(0), 0);
        assertEquals(PeerMessage.HELLO, out.get(0).type());
    }

    @Test
    void byeDropsTheRoutes() {
        dispatcher.receive(rpc.shares(0).get(0), 0);
        dispatcher.receive(rpc.bye(0), 0);
        assertTrue(dispatcherRoutes.streamFor("system.ping").isEmpty());
    }

    @Test
    void aShareClaimingAnotherInstanceIsIgnored() {
        Shard other = new Shard("system", "txrx:rpc:evil", List.of("system.ping"), "rpc-9", "1");
        dispatcher.receive(new PeerMessage(PeerMessage.SHARE, "rpc-1", "rpc", "", other.toJson(), 0), 0);
        assertTrue(dispatcherRoutes.streamFor("system.ping").isEmpty());
    }

    @Test
    void theRoutesCountAsKnownFromTheLatestInitOnly() {
        assertEquals(Long.MAX_VALUE, dispatcherRoutes.knownSince(), "nothing asked yet: nothing known");
        dispatcher.init(1_000);
        assertEquals(1_000, dispatcherRoutes.knownSince());
        dispatcher.init(9_000);
        assertEquals(9_000, dispatcherRoutes.knownSince(), "asked again (after a Redis restart, say)");
    }
}
