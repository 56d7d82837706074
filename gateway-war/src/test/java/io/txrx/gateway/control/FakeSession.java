package io.txrx.gateway.control;

import jakarta.websocket.CloseReason;
import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A WebSocket session that records the text frames sent to it and how it was closed, for unit tests of what
 * a socket receives. Sends complete at once unless {@link #holding}: then they wait for {@link #write}, as
 * they do for a client that stops reading.
 */
final class FakeSession {
    final List<String> sent = new CopyOnWriteArrayList<>();
    final List<CloseReason> closes = new CopyOnWriteArrayList<>();
    private final List<SendHandler> unwritten = new ArrayList<>();
    volatile boolean open = true;
    volatile boolean holding;
    final Session session;

    FakeSession(String id) {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 2) {
                        sent.add((String) args[0]);
                        SendHandler handler = (SendHandler) args[1];
                        if (holding) {
                            synchronized (unwritten) {
                                unwritten.add(handler);
                            }
                        } else {
                            handler.onResult(new SendResult());
                        }
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        session = (Session) Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {Session.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getId" -> id;
                    case "isOpen" -> open;
                    case "getAsyncRemote" -> remote;
                    case "setMaxTextMessageBufferSize" -> null;
                    case "close" -> {
                        closes.add((CloseReason) args[0]);
                        open = false;
                        yield null;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** The client reads again: every held frame is written. */
    void write() {
        List<SendHandler> written;
        synchronized (unwritten) {
            written = new ArrayList<>(unwritten);
            unwritten.clear();
        }
        written.forEach(handler -> handler.onResult(new SendResult()));
    }
}
