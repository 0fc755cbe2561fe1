package dev.delegatemcp.server.protocol.stream;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import dev.delegatemcp.server.protocol.session.SessionEnded;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * The requests this server sent to clients (sampling, elicitation, roots) that wait for an answer, and the routing of
 * each answer to the one call waiting for it: only an answer that comes in the same session, from the subject that
 * owns it, completes a wait. At most {@code mcp.interaction.max-pending-per-session} wait in a session at once. Thread-safe.
 */
@ApplicationScoped
public class OutgoingRequests {

    private static final JsonProvider JSON = JsonProvider.provider();

    /** A request that waits for its answer. */
    public record Waiting(String sessionId, String owner, JsonString id, CompletableFuture<JsonRpcMessage> answer) {
    }

    /** The session has too many requests waiting for the client already. */
    public static final class TooManyWaitingException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        TooManyWaitingException() {
            super("too many requests wait for the client in this session", null, false, false);
        }
    }

    private record Key(String sessionId, String id) {
    }

    private final AtomicLong sequence = new AtomicLong();
    private final Map<Key, Waiting> waiting = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perSession = new ConcurrentHashMap<>();
    /** The most recently ended sessions, at most 10,000 (ids are never reused). */
    private final Map<String, Boolean> ended = java.util.Collections.synchronizedMap(new java.util.LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });
    private int maxPerSession;

    /** For CDI proxies only. */
    protected OutgoingRequests() {
    }

    @jakarta.inject.Inject
    public OutgoingRequests(StreamConfig config) {
        this.maxPerSession = config.maxPendingPerSession();
    }

    /**
     * A new request id, registered as waiting in that session.
     *
     * @throws TooManyWaitingException when the session is at its limit
     */
    public Waiting expect(String sessionId, String owner) {
        if (ended.containsKey(sessionId)) {
            throw new SessionGoneException(); // its client's answer could no longer come in
        }
        AtomicInteger count = perSession.computeIfAbsent(sessionId, id -> new AtomicInteger());
        if (count.incrementAndGet() > maxPerSession) {
            count.decrementAndGet();
            throw new TooManyWaitingException();
        }
        JsonString id = JSON.createValue("server-" + sequence.incrementAndGet());
        Waiting entry = new Waiting(sessionId, owner, id, new CompletableFuture<>());
        waiting.put(new Key(sessionId, id.getString()), entry);
        return entry;
    }

    /**
     * Routes a client's response to the request waiting for it.
     *
     * @return false when no request of this session and subject waits for that id (never sent, answered already,
     *         timed out, or someone else's)
     */
    public boolean answer(String sessionId, String owner, JsonRpcMessage response) {
        if (!(response.id() instanceof JsonString id)) {
            return false;
        }
        Key key = new Key(sessionId, id.getString());
        Waiting entry = waiting.get(key);
        if (entry == null || !entry.owner().equals(owner) || !waiting.remove(key, entry)) {
            return false;
        }
        release(sessionId);
        entry.answer().complete(response);
        return true;
    }

    /** Stops waiting (timeout, cancellation): a later answer is refused. */
    public void forget(Waiting entry) {
        if (waiting.remove(new Key(entry.sessionId(), entry.id().getString()), entry)) {
            release(entry.sessionId());
        }
    }

    /** The requests that wait now, over all sessions. */
    public int size() {
        return waiting.size();
    }

    /** The session ended: every wait in it ends with a {@link SessionGoneException}. */
    void sessionEnded(@Observes SessionEnded ended) {
        this.ended.put(ended.sessionId(), Boolean.TRUE);
        waiting.values().removeIf(entry -> {
            if (entry.sessionId().equals(ended.sessionId())) {
                entry.answer().completeExceptionally(new SessionGoneException());
                return true;
            }
            return false;
        });
        perSession.remove(ended.sessionId());
    }

    /**
     * The application stops: every wait ends as if its session had ended, so that no method keeps a thread busy
     * waiting for a client until {@code mcp.interaction.timeout}.
     */
    @jakarta.annotation.PreDestroy
    void stop() {
        waiting.values().removeIf(entry -> {
            entry.answer().completeExceptionally(new SessionGoneException());
            return true;
        });
        perSession.clear();
    }

    private void release(String sessionId) {
        AtomicInteger count = perSession.get(sessionId);
        if (count != null && count.decrementAndGet() <= 0) {
            perSession.remove(sessionId, count);
        }
    }

    /** Why a wait ended when its session did. */
    public static final class SessionGoneException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SessionGoneException() {
            super("the session ended", null, false, false);
        }
    }

    /** For tests: the id as the client would echo it. */
    static JsonValue idOf(Waiting entry) {
        return entry.id();
    }
}
