package io.txrx.gateway.control;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A WebSocket session that records the text frames sent to it, for unit tests of what a socket receives. */
final class FakeSession {
    final List<String> sent = new CopyOnWriteArrayList<>();
    volatile boolean open = true;
    final Session session;

    FakeSession(String id) {
        RemoteEndpoint.Async remote = (RemoteEndpoint.Async) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {RemoteEndpoint.Async.class}, (proxy, method, args) -> {
                    if (method.getName().equals("sendText") && args.length == 1) {
                        sent.add((String) args[0]);
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
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
