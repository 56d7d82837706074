package io.txrx.system;

import io.txrx.launcher.FreePort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import redis.embedded.RedisServer;

/**
 * A Redis of one test's own, on a fixed loopback port, that the test stops and starts again as an operator
 * would: without persistence it comes back empty, with AOF ({@code appendfsync always}) it comes back with
 * every write it acknowledged. The embedded-redis binary, so it needs nothing installed.
 */
final class RestartableRedis implements AutoCloseable {
    private final int port = FreePort.find();
    private final Path dir;
    private final boolean appendOnly;
    private RedisServer server;

    RestartableRedis(Path dir, boolean appendOnly) throws IOException {
        this.dir = Files.createDirectories(dir);
        this.appendOnly = appendOnly;
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    void start() throws IOException {
        var builder = RedisServer.newRedisServer()
                .port(port)
                .bind("127.0.0.1")
                .setting("save \"\"")
                .setting("dir " + dir.toAbsolutePath());
        if (appendOnly) {
            builder.setting("appendonly yes").setting("appendfsync always");
        } else {
            builder.setting("appendonly no");
        }
        server = builder.build();
        server.start();
    }

    void stop() throws IOException {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    @Override
    public void close() throws IOException {
        stop();
    }
}
