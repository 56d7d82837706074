package io.txrx.gateway.boundary;

import io.txrx.peer.Role;
import io.txrx.process.Roles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedExecutorDefinition;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;

/**
 * Starts and stops the gateway the way every role starts: a {@code @Singleton @Startup} bean, which the
 * container starts once. Only the start goes through it: {@link Gateway}, through which every frame of
 * every socket passes, stays an application-scoped CDI bean, so no frame passes through the EJB container.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@ManagedExecutorDefinition(name = GatewayStartup.LOOPS, maxAsync = -1, hungTaskThreshold = -1)
public class GatewayStartup {
    /** The executor of the gateway's loops (see {@code io.txrx.stream.Loop}). */
    public static final String LOOPS = "java:app/concurrent/gateway-loops";

    @Inject
    Roles roles;

    @Inject
    Gateway gateway;

    @Resource(lookup = LOOPS)
    ManagedExecutorService executor;

    @PostConstruct
    void start() {
        if (roles.has(Role.GATEWAY)) {
            gateway.start(executor);
        }
    }

    @PreDestroy
    void stop() {
        if (roles.has(Role.GATEWAY)) {
            gateway.stop();
        }
    }
}
