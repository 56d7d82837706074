package io.txrx.client;

import io.txrx.channel.ChannelMessage;
import jakarta.json.JsonValue;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Every listener of a client, told in turn; one that throws is reported to the others' {@code error}. */
final class Listeners implements TxrxListener {

    private static final Logger LOG = Logger.getLogger(Listeners.class.getName());

    private final List<TxrxListener> listeners = new CopyOnWriteArrayList<>();

    void add(TxrxListener listener) {
        listeners.add(listener);
    }

    void remove(TxrxListener listener) {
        listeners.remove(listener);
    }

    @Override
    public void connected(URI gateway, boolean reconnect) {
        tell(listener -> listener.connected(gateway, reconnect));
    }

    @Override
    public void disconnected(URI gateway, int code, String reason) {
        tell(listener -> listener.disconnected(gateway, code, reason));
    }

    @Override
    public void message(ChannelMessage message) {
        tell(listener -> listener.message(message));
    }

    @Override
    public void notification(String method, JsonValue params) {
        tell(listener -> listener.notification(method, params));
    }

    @Override
    public void truncated(String channel, String requested, JsonValue result) {
        tell(listener -> listener.truncated(channel, requested, result));
    }

    @Override
    public void error(Throwable error) {
        if (listeners.isEmpty()) {
            LOG.log(Level.WARNING, "txrx client: {0}", error.toString());
        }
        for (TxrxListener listener : listeners) {
            try {
                listener.error(error);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "An error listener failed", e);
            }
        }
    }

    private void tell(Consumer<TxrxListener> event) {
        for (TxrxListener listener : listeners) {
            try {
                event.accept(listener);
            } catch (RuntimeException e) {
                error(e);
            }
        }
    }
}
