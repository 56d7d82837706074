package io.txrx.handlers;

import io.txrx.rpc.boundary.RpcServer;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * Hands this module's handler beans to the rpc layer once the module has started. It lives here, not in
 * rpc-ejb, because only this module's bean manager can see this module's beans when it runs in the EAR.
 * Its priority puts it after the schema migration, so no call reaches a handler before its tables exist.
 */
@ApplicationScoped
public class HandlerBootstrap {

    @Inject
    BeanManager beanManager;

    @Inject
    RpcServer server;

    void serve(@Observes @Priority(100) @Initialized(ApplicationScoped.class) Object started) {
        server.serve(beanManager);
    }
}
