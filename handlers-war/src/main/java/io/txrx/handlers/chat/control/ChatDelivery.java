package io.txrx.handlers.chat.control;

import io.txrx.handlers.chat.entity.ChatMessage;
import io.txrx.keys.Fields;
import io.txrx.keys.StreamKeys;
import io.txrx.presence.PresenceMap;
import io.txrx.stream.NodePipelines;
import io.txrx.stream.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.params.XAddParams;

/**
 * Pushes a sent message to every socket of the recipient and to the sender's other sockets, on whichever
 * gateways they are: the presence map names the live gateways of each user, and each of them gets one RX
 * entry addressed to the user ({@link Fields#TO_USER}), which it fans out to that user's sockets. No call
 * between gateways, and no entry for a gateway that stopped beating.
 */
@ApplicationScoped
public class ChatDelivery {

    @Inject
    Redis redis;

    @Inject
    StreamKeys keys;

    @Inject
    PresenceMap presence;

    @Inject
    @ConfigProperty(name = "txrx.stream.rx-max-len")
    long rxMaxLen;

    /** @param connection the sending socket, {@code gateway/session} (see {@code CallContext.connection}) */
    public void push(ChatMessage message, String connection) {
        int cut = connection.lastIndexOf('/');
        String senderGateway = connection.substring(0, Math.max(cut, 0));
        String senderSession = connection.substring(cut + 1);
        long now = System.currentTimeMillis();
        String push = message.toPush();
        List<String> recipientGateways = presence.gateways(message.to().username(), now);
        List<String> senderGateways = presence.gateways(message.from().username(), now);
        try (NodePipelines pipelines = redis.pipelines()) {
            for (String gateway : recipientGateways) {
                String rx = keys.rx(gateway);
                pipelines.on(rx).xadd(rx, rxParams(), entry(message.to().username(), push, null));
            }
            for (String gateway : senderGateways) {
                String rx = keys.rx(gateway);
                String except = gateway.equals(senderGateway) ? senderSession : null;
                pipelines.on(rx).xadd(rx, rxParams(), entry(message.from().username(), push, except));
            }
            pipelines.sync();
        }
    }

    private XAddParams rxParams() {
        return XAddParams.xAddParams().maxLen(rxMaxLen).approximateTrimming();
    }

    private static Map<String, String> entry(String user, String push, String exceptSession) {
        Map<String, String> fields = new HashMap<>();
        fields.put(Fields.TO_USER, PresenceMap.normalize(user));
        fields.put(Fields.MESSAGE, push);
        fields.put(Fields.TIMESTAMP, Long.toString(System.currentTimeMillis()));
        if (exceptSession != null) {
            fields.put(Fields.EXCEPT_SESSION, exceptSession);
        }
        return fields;
    }
}
