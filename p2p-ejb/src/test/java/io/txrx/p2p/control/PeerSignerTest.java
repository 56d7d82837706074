package io.txrx.p2p.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.txrx.peer.PeerMessage;
import io.txrx.peer.Shard;
import org.junit.jupiter.api.Test;

class PeerSignerTest {
    private static final long NOW = 1_700_000_000_000L;
    private final PeerSigner cut = new PeerSigner("s3cret", 30_000);
    private final PeerMessage share = new PeerMessage(
            PeerMessage.SHARE,
            "rpc-1",
            "rpc",
            "",
            new Shard("system", "txrx:rpc:system", java.util.List.of("system.ping"), "rpc-1", "1").toJson(),
            NOW);

    @Test
    void aMessageSignedWithTheKeyVerifies() {
        assertTrue(cut.verify(share, cut.sign(share), NOW + 1000));
    }

    @Test
    void anotherKeyOrAChangedFieldFails() {
        String forged = new PeerSigner("wrong", 30_000).sign(share);
        assertFalse(cut.verify(share, forged, NOW));
        PeerMessage retargeted = new PeerMessage(
                share.type(),
                share.from(),
                share.role(),
                share.to(),
                share.shard().replace("txrx:rpc:system", "txrx:rpc:evil"),
                share.ts());
        assertFalse(cut.verify(retargeted, cut.sign(share), NOW));
        assertFalse(cut.verify(share, null, NOW));
    }

    @Test
    void anOldMessageIsNotAccepted() {
        assertFalse(cut.verify(share, cut.sign(share), NOW + 30_001));
    }

    @Test
    void fieldsRoundTrip() {
        String sig = cut.sign(share);
        var fields = share.toFields(sig);
        assertEquals(share, PeerMessage.fromFields(fields));
        assertEquals(sig, fields.get("sig"));
        assertEquals(Shard.fromJson(share.shard()).methods(), java.util.List.of("system.ping"));
    }

    @Test
    void aMissingKeyIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PeerSigner(" ", 1000));
    }
}
