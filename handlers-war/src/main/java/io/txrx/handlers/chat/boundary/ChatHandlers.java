package io.txrx.handlers.chat.boundary;

import static io.txrx.jsonrpc.JsonFactory.JSON;

import io.txrx.handlers.chat.control.ChatDelivery;
import io.txrx.handlers.chat.control.ChatParams;
import io.txrx.handlers.chat.control.ChatParams.UserRef;
import io.txrx.handlers.chat.control.ChatStore;
import io.txrx.handlers.chat.control.ChatStream;
import io.txrx.handlers.chat.control.Pages;
import io.txrx.handlers.chat.entity.ChatMessage;
import io.txrx.handlers.chat.entity.MessageId;
import io.txrx.handlers.chat.entity.Peer;
import io.txrx.identity.Caller;
import io.txrx.jsonrpc.ErrorCode;
import io.txrx.jsonrpc.JsonRpcException;
import io.txrx.rpc.boundary.CallContext;
import io.txrx.rpc.boundary.RpcMethod;
import io.txrx.rpc.boundary.SignedIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The {@code chat} service. A message is appended to the chat stream (its id is the entry's), pushed at once
 * to the recipient's sockets and the sender's other sockets, and persisted by the chat writer; every read
 * merges the messages still in the stream with the table's, so a message is seen the moment it is sent.
 * Every read is of the caller's own conversations only.
 */
@ApplicationScoped
@SignedIn
public class ChatHandlers {
    private static final Logger LOG = Logger.getLogger(ChatHandlers.class.getName());
    /** The most messages {@code chat.unread} answers at once (the oldest first). */
    static final int UNREAD_MAX = 1000;

    @Inject
    CallContext call;

    @Inject
    ChatStream stream;

    @Inject
    ChatStore store;

    @Inject
    ChatDelivery delivery;

    @Inject
    @ConfigProperty(name = "txrx.chat.max-text-length")
    int maxTextLength;

    @Inject
    @ConfigProperty(name = "txrx.chat.rate-per-second")
    int ratePerSecond;

    @Inject
    @ConfigProperty(name = "txrx.chat.history-max")
    int historyMax;

    @RpcMethod("chat.send")
    public JsonObject send(JsonValue params) throws SQLException {
        ChatParams.Send send = ChatParams.send(params, maxTextLength);
        Peer me = me();
        Peer to = peer(send.to(), "to");
        if (to.id() == me.id()) {
            throw ChatParams.invalid("to", "is yourself: send to someone else");
        }
        if (!stream.withinRate(me.id(), ratePerSecond, System.currentTimeMillis())) {
            throw new JsonRpcException(
                    ErrorCode.RATE_LIMITED, "Rate limited: at most " + ratePerSecond + " messages a second");
        }
        MessageId id = stream.append(ChatMessage.fields(me, to, send.text()));
        try {
            delivery.push(new ChatMessage(id, me, to, send.text()), call.connection());
        } catch (JedisException e) {
            // the message is sent and will be persisted: it is in history and unread, only the push failed
            LOG.log(Level.WARNING, "Message {0} sent, but not pushed: {1}", new Object[] {id, e.toString()});
        }
        return JSON.createObjectBuilder()
                .add("id", id.toString())
                .add("at", id.at().toString())
                .build();
    }

    @RpcMethod("chat.history")
    public JsonObject history(JsonValue params) throws SQLException {
        ChatParams.History history = ChatParams.history(params, historyMax);
        Peer me = me();
        Peer peer = peer(history.peer(), "peer");
        List<ChatMessage> unpersisted = stream.unpersisted().stream()
                .filter(m -> m.between(me.id(), peer.id()))
                .toList();
        List<ChatMessage> rows =
                store.read(db -> store.history(db, me.id(), peer.id(), history.before(), history.limit() + 1));
        Pages.Page page = Pages.history(rows, unpersisted, history.before(), history.limit());
        return JSON.createObjectBuilder()
                .add("messages", array(page.messages()))
                .add(
                        "next",
                        page.next() == null
                                ? JsonValue.NULL
                                : JSON.createValue(page.next().toString()))
                .build();
    }

    @RpcMethod("chat.unread")
    public JsonObject unread() throws SQLException {
        Peer me = me();
        List<ChatMessage> unpersisted = stream.unpersisted();
        List<ChatMessage> messages = store.read(db -> Pages.unread(
                store.unread(db, me.id(), UNREAD_MAX), unpersisted, me.id(), store.marks(db, me.id()), UNREAD_MAX));
        return JSON.createObjectBuilder().add("messages", array(messages)).build();
    }

    @RpcMethod("chat.read")
    public JsonObject read(JsonValue params) throws SQLException {
        ChatParams.Read read = ChatParams.read(params);
        Peer me = me();
        Peer peer = peer(read.peer(), "peer");
        List<ChatMessage> unpersisted = stream.unpersisted().stream()
                .filter(m -> m.between(me.id(), peer.id()))
                .toList();
        long marked = store.mark(me.id(), peer.id(), read.upTo(), (db, from) -> {
            Set<MessageId> stored = store.stored(db, unpersisted);
            List<MessageId> ids = new ArrayList<>(store.idsBetween(db, me.id(), peer.id(), from, read.upTo()));
            unpersisted.stream()
                    .filter(m -> !stored.contains(m.id()))
                    .filter(m -> Pages.within(List.of(m), me.id(), peer.id(), from, read.upTo()) == 1)
                    .forEach(m -> ids.add(m.id()));
            return ids;
        });
        return JSON.createObjectBuilder()
                .add("peer", peer.toJson())
                .add("read", marked)
                .build();
    }

    @RpcMethod("chat.conversations")
    public JsonValue conversations() throws SQLException {
        Peer me = me();
        List<ChatMessage> unpersisted =
                stream.unpersisted().stream().filter(m -> m.involves(me.id())).toList();
        List<Pages.Conversation> conversations = store.read(db -> {
            List<Pages.Conversation> rows = store.conversations(db, me.id());
            Set<MessageId> stored = store.stored(db, unpersisted);
            Map<Long, MessageId> marks = store.marks(db, me.id());
            return Pages.conversations(
                    rows,
                    unpersisted.stream().filter(m -> !stored.contains(m.id())).toList(),
                    me.id(),
                    marks);
        });
        JsonArrayBuilder result = JSON.createArrayBuilder();
        conversations.forEach(c -> result.add(JSON.createObjectBuilder()
                .add("peer", c.peer().toJson())
                .add("last", c.last().toJson())
                .add("unread", c.unread())));
        return result.build();
    }

    private Peer me() {
        Caller caller = call.requireCaller();
        return new Peer(Long.parseLong(caller.id()), caller.name());
    }

    private Peer peer(UserRef ref, String field) throws SQLException {
        return store.user(ref)
                .orElseThrow(() -> new JsonRpcException(
                        ErrorCode.INVALID_PARAMS,
                        "Invalid params: no user " + ref.given(),
                        JSON.createArrayBuilder()
                                .add(JSON.createObjectBuilder()
                                        .add("field", field)
                                        .add("message", "no such user"))
                                .build()));
    }

    private static JsonArrayBuilder array(List<ChatMessage> messages) {
        JsonArrayBuilder array = JSON.createArrayBuilder();
        messages.forEach(m -> array.add(m.toJson()));
        return array;
    }
}
