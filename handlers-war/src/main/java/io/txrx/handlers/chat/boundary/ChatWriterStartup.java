package io.txrx.handlers.chat.boundary;

import io.txrx.handlers.chat.control.ChatStore;
import io.txrx.handlers.chat.control.ChatStream;
import io.txrx.handlers.chat.control.ChatWriter;
import io.txrx.peer.Role;
import io.txrx.process.InstanceId;
import io.txrx.process.Roles;
import io.txrx.stream.GroupReader;
import io.txrx.stream.Redis;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts this process's chat writer when it has the rpc role, after the schema is migrated (it depends on
 * the handler bootstrap); every rpc instance runs one, as one more consumer of the writer group.
 */
@Singleton
@Startup
@DependsOn("HandlerBootstrap")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChatWriterStartup {
    private static final Logger LOG = Logger.getLogger(ChatWriterStartup.class.getName());

    @Inject
    Roles roles;

    @Inject
    Redis redis;

    @Inject
    InstanceId instance;

    @Inject
    ChatStream stream;

    @Inject
    ChatStore store;

    @Inject
    @ConfigProperty(name = "txrx.chat.writer-batch")
    int batchSize;

    @Inject
    @ConfigProperty(name = "txrx.rpc.block-ms")
    int blockMs;

    @Inject
    @ConfigProperty(name = "txrx.rpc.claim-idle-ms")
    long claimIdleMs;

    // the default executor, as the rpc layer's loops (see RpcServer)
    @Resource
    ManagedExecutorService executor;

    private ChatWriter writer;

    @PostConstruct
    void start() {
        if (!roles.has(Role.RPC)) {
            return;
        }
        GroupReader reader =
                new GroupReader(redis.client(), stream.key(), ChatStream.GROUP, instance.value(), batchSize, blockMs);
        reader.ensureGroup();
        writer = new ChatWriter(reader, store, stream, claimIdleMs);
        writer.start(executor);
        LOG.log(Level.INFO, "Chat writer {0} persists {1}", new Object[] {instance, stream.key()});
    }

    @PreDestroy
    void stop() {
        if (writer != null) {
            writer.stop();
        }
    }
}
