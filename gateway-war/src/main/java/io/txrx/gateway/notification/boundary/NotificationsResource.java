package io.txrx.gateway.notification.boundary;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.channel.NotificationChannels;
import io.txrx.gateway.notification.control.Bearer;
import io.txrx.gateway.notification.control.BusCalls;
import io.txrx.gateway.notification.control.HttpAnswer;
import io.txrx.gateway.notification.control.SseStreams;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code /gateway/api/notifications}: POST publishes (201 {@code {id, topic, createdAt}}), GET reads reports,
 * both as calls on the bus ({@code notifications.publish}, {@code notifications.list}) carrying the
 * {@code Authorization: Bearer} credential as {@code auth}, answered by the notifications service; GET
 * {@code /stream?topic=} is a topic's Server-Sent Event stream (public, like topic subscriptions on the socket).
 * Errors are the JSON-RPC error object with the HTTP status that says the same ({@link HttpAnswer}).
 */
@RequestScoped
@Path("notifications")
public class NotificationsResource {

    @Inject
    BusCalls bus;

    @Inject
    SseStreams streams;

    @Inject
    @ConfigProperty(name = "txrx.notifications.max-body-bytes")
    int maxBodyBytes;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> publish(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) String length,
            InputStream body)
            throws IOException {
        String auth = Bearer.of(authorization);
        if (auth == null) {
            return done(HttpAnswer.error(
                    ErrorCode.UNAUTHORIZED, "Authorization: Bearer <API key or admin session token> required"));
        }
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > maxBodyBytes) {
            return done(tooLarge());
        }
        byte[] bytes = body.readNBytes(maxBodyBytes + 1);
        if (bytes.length > maxBodyBytes) {
            return done(tooLarge());
        }
        JsonValue notification;
        try (var reader =
                JSON.createReader(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
            notification = reader.readValue();
        } catch (JsonParsingException | IllegalStateException e) {
            return done(HttpAnswer.error(ErrorCode.PARSE_ERROR, "The body is not JSON: " + e.getMessage()));
        }
        if (!(notification instanceof JsonObject object)) {
            return done(HttpAnswer.error(
                    ErrorCode.INVALID_PARAMS, "The body must be a JSON object {topic, userId?, title, body, data?}"));
        }
        return call("notifications.publish", JSON.createObjectBuilder(object).add("auth", auth), 201);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public CompletionStage<Response> list(
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @QueryParam("topic") String topic,
            @QueryParam("userId") String userId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("page") String page,
            @QueryParam("size") String size) {
        String auth = Bearer.of(authorization);
        if (auth == null) {
            return done(HttpAnswer.error(
                    ErrorCode.UNAUTHORIZED, "Authorization: Bearer <API key or admin session token> required"));
        }
        JsonObjectBuilder params = JSON.createObjectBuilder().add("auth", auth);
        addIfPresent(params, "topic", topic);
        addIfPresent(params, "userId", userId);
        addIfPresent(params, "from", from);
        addIfPresent(params, "to", to);
        addIfPresent(params, "page", page);
        addIfPresent(params, "size", size);
        return call("notifications.list", params, 200);
    }

    @GET
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @QueryParam("topic") String topic,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink,
            @Context Sse sse) {
        if (!NotificationChannels.isTopic(topic)) {
            throw new WebApplicationException(response(HttpAnswer.error(
                    ErrorCode.INVALID_PARAMS,
                    "topic must be 1 to 100 of letters, digits, _ . : or -, starting with a letter or digit")));
        }
        Long after = null;
        if (lastEventId != null && !lastEventId.isBlank()) {
            if (!lastEventId.trim().matches("\\d{1,18}")) {
                throw new WebApplicationException(response(
                        HttpAnswer.error(ErrorCode.INVALID_PARAMS, "Last-Event-ID must be a notification id")));
            }
            after = Long.parseLong(lastEventId.trim());
        }
        try {
            streams.open(topic, after, sink, sse);
        } catch (JedisException e) {
            sink.close();
            throw new WebApplicationException(
                    response(HttpAnswer.error(ErrorCode.BUS_UNAVAILABLE, "Message bus unavailable")));
        }
    }

    private CompletionStage<Response> call(String method, JsonObjectBuilder params, int success) {
        return bus.call(method, params.build()).handle((reply, failure) -> {
            if (failure == null) {
                return response(HttpAnswer.of(reply, success));
            }
            Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
            if (cause instanceof JsonRpcException e) {
                return response(HttpAnswer.error(e.code(), e.getMessage()));
            }
            if (cause instanceof TimeoutException) {
                return response(
                        HttpAnswer.error(ErrorCode.UNAVAILABLE, "No answer from the notifications service in time"));
            }
            return response(HttpAnswer.error(ErrorCode.INTERNAL_ERROR, "Internal error"));
        });
    }

    private CompletionStage<Response> done(HttpAnswer answer) {
        return java.util.concurrent.CompletableFuture.completedFuture(response(answer));
    }

    private HttpAnswer tooLarge() {
        return HttpAnswer.error(ErrorCode.TOO_LARGE, "The body is larger than " + maxBodyBytes + " bytes");
    }

    private static Response response(HttpAnswer answer) {
        Response.ResponseBuilder response = Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(answer.body().toString());
        if (answer.status() == 401) {
            response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        return response.build();
    }

    private static void addIfPresent(JsonObjectBuilder params, String name, String value) {
        if (value != null && !value.isEmpty()) {
            params.add(name, value);
        }
    }
}
