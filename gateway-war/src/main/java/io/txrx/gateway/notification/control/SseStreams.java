package io.txrx.gateway.notification.control;

import io.txrx.gateway.channel.control.Subscription;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.StreamEntryID;

/**
 * The open Server-Sent Event streams of this gateway, each a {@link TopicFeed} subscription writing events
 * {@code id: <notification id>}, {@code data: <notification JSON>}. A reconnecting client's
 * {@code Last-Event-ID} resumes right after that notification's offset in the topic's channel; when the
 * channel no longer holds it, everything retained with a greater id is sent. A comment every
 * {@code txrx.notifications.sse-heartbeat-s} keeps proxies from closing a quiet stream and finds the
 * clients that went away.
 */
@ApplicationScoped
public class SseStreams {
    private static final Logger LOG = Logger.getLogger(SseStreams.class.getName());
    private static final StreamEntryID START = new StreamEntryID(0, 0);

    @Inject
    TopicFeed feed;

    @Inject
    @ConfigProperty(name = "txrx.notifications.sse-heartbeat-s")
    long heartbeatSeconds;

    @Resource
    ManagedScheduledExecutorService scheduler;

    private final Set<Stream> open = ConcurrentHashMap.newKeySet();
    private ScheduledFuture<?> heartbeat;

    /** One client's stream. */
    private final class Stream {
        private final SseEventSink sink;
        private final Sse sse;
        private final LongPredicate wanted;
        private volatile Subscription subscription;

        Stream(SseEventSink sink, Sse sse, LongPredicate wanted) {
            this.sink = sink;
            this.sse = sse;
            this.wanted = wanted;
        }

        boolean send(String channelPush) {
            NotificationPush notification = NotificationPush.readOrNull(channelPush);
            if (notification != null && wanted.test(notification.id())) {
                write(sse.newEventBuilder()
                        .id(Long.toString(notification.id()))
                        .data(notification.params().toString())
                        .build());
            }
            return !sink.isClosed();
        }

        void write(OutboundSseEvent event) {
            if (sink.isClosed()) {
                end();
                return;
            }
            sink.send(event).exceptionally(failure -> {
                LOG.log(Level.FINE, "SSE client gone: {0}", failure.toString());
                end();
                return null;
            });
        }

        void end() {
            if (open.remove(this)) {
                Subscription current = subscription;
                if (current != null) {
                    feed.close(current);
                }
                try {
                    sink.close();
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, "Closing an SSE stream failed: {0}", e.toString());
                }
            }
        }
    }

    /** Streams {@code topic} to the sink, after notification {@code lastEventId} when given. */
    public void open(String topic, Long lastEventId, SseEventSink sink, Sse sse) {
        StreamEntryID after = null;
        LongPredicate wanted = id -> true;
        if (lastEventId != null) {
            after = feed.offsetOf(topic, lastEventId);
            if (after == null) {
                after = START;
                wanted = id -> id > lastEventId;
            }
        }
        Stream stream = new Stream(sink, sse, wanted);
        open.add(stream);
        startHeartbeat();
        try {
            stream.subscription = feed.open(topic, after, stream::send);
        } catch (RuntimeException e) {
            open.remove(stream);
            throw e;
        }
        stream.write(sse.newEventBuilder().comment("subscribed to " + topic).build());
    }

    private synchronized void startHeartbeat() {
        if (heartbeat == null) {
            heartbeat = scheduler.scheduleAtFixedRate(this::beat, heartbeatSeconds, heartbeatSeconds, TimeUnit.SECONDS);
        }
    }

    private void beat() {
        open.forEach(
                stream -> stream.write(stream.sse.newEventBuilder().comment("").build()));
    }

    @PreDestroy
    void stop() {
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        Set.copyOf(open).forEach(Stream::end);
    }
}
