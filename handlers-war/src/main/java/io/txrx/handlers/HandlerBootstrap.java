package io.txrx.handlers;

import io.txrx.rpc.boundary.RpcServer;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

/**
 * Hands this module's handler beans to the rpc layer once, at start, the way every role starts (a
 * {@code @Singleton @Startup} bean). It lives here, not in rpc-ejb, because only this module's bean manager
 * can see this module's beans when it runs in the EAR. Before it serves them it fires {@link BeforeServing}
 * (observed by the schema migration), so no call reaches a handler before its tables exist.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HandlerBootstrap {

    /** Fired once, synchronously, before the handlers are served: the place for start-up work they need. */
    public record BeforeServing() {}

    @Inject
    Event<BeforeServing> beforeServing;

    @Inject
    BeanManager beanManager;

    @Inject
    RpcServer server;

    @PostConstruct
    void serve() {
        beforeServing.fire(new BeforeServing());
        server.serve(beanManager);
    }
}
