package io.txrx.gateway.control;

import io.txrx.identity.SignOut;
import java.util.List;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Applies a sign-out to this gateway's sockets: each socket bound to a caller it names is unbound, loses
 * what it may no longer have ({@code lost}: its private channel subscriptions, say) and is told with an
 * {@code auth.signedOut} notification; its later calls go out anonymous. The socket whose own call caused
 * the sign-out is left to that call's reply.
 */
public final class SignOutDelivery {
    private static final Logger LOG = Logger.getLogger(SignOutDelivery.class.getName());
    private final SocketRegistry sockets;
    private final String gatewayId;
    private final Function<Socket, List<String>> lost;

    public SignOutDelivery(SocketRegistry sockets, String gatewayId, Function<Socket, List<String>> lost) {
        this.sockets = sockets;
        this.gatewayId = gatewayId;
        this.lost = lost;
    }

    /** Signs out the sockets {@code signOut} names; answers how many. */
    public int apply(SignOut signOut) {
        int signedOut = 0;
        for (Socket socket : sockets.all()) {
            if (signOut.isOrigin(gatewayId, socket.id()) || !socket.unbindIf(signOut::matches)) {
                continue;
            }
            sockets.users().update(socket); // its user may be offline on this gateway now
            socket.send(signOut.notification(lost.apply(socket)));
            signedOut++;
        }
        if (signedOut > 0) {
            LOG.log(Level.FINE, "Signed out {0} socket(s): {1}", new Object[] {signedOut, signOut.reason()});
        }
        return signedOut;
    }
}
