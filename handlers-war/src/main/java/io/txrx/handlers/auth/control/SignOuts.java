package io.txrx.handlers.auth.control;

import io.txrx.identity.SignOut;
import io.txrx.keys.StreamKeys;
import io.txrx.stream.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XAddParams;

/**
 * Tells every gateway about a sign-out once the transaction that revoked the sessions has committed (the
 * handlers fire a {@link SignOut} event), by appending it to the sign-out stream every gateway reads. The
 * stream is capped: a gateway reads it at once, so it keeps only the last few thousand.
 */
@ApplicationScoped
public class SignOuts {
    private static final Logger LOG = Logger.getLogger(SignOuts.class.getName());
    private static final long MAX_LEN = 10_000;

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    void announce(@Observes(during = TransactionPhase.AFTER_SUCCESS) SignOut signOut) {
        try {
            redis.client()
                    .xadd(
                            keys.signOuts(),
                            XAddParams.xAddParams().maxLen(MAX_LEN).approximateTrimming(),
                            signOut.toFields(System.currentTimeMillis()));
        } catch (JedisException e) {
            LOG.log(
                    Level.WARNING,
                    "Could not tell the gateways about a {0} sign-out (user {1}, session {2}): their sockets stay"
                            + " signed in until they reconnect: {3}",
                    new Object[] {signOut.reason().wire(), signOut.user(), signOut.session(), e.toString()});
        }
    }
}
