package dev.delegatemcp.server.protocol.stream;

import java.security.SecureRandom;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import dev.delegatemcp.server.protocol.session.SessionEnded;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcNotification;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * The event streams of every session (MCP 2025-11-25, Streamable HTTP): the GET streams a client listens on, the
 * streams POST responses became, and the notifications that wait for a GET stream.
 * <ul>
 * <li>A notification that belongs to no request goes on exactly one stream: the session's most recently opened GET
 * stream with a client connected (Multiple connections); with none, it waits, at most
 * {@code mcp.streams.pending-notifications} of them, the oldest dropped first.</li>
 * <li>A session holds at most {@code mcp.streams.max-per-session} GET connections and a subject at most
 * {@code mcp.streams.max-per-subject} over its sessions: one more ends the oldest GET stream rather than refusing the
 * new one (a client cannot tell a dead connection from a quiet one, so the newest is the one most likely in use).</li>
 * <li>{@code Last-Event-ID} resumes only a stream of the same session and owner (the transport has checked the session
 * to be the caller's already). A stream that ended, whose events the client has all seen, is reported
 * {@link Resumption#FINISHED}, so that the transport can tell the client to stop reconnecting.</li>
 * <li>Everything of a session ends with it.</li>
 * </ul>
 * Requests whose response stays plain JSON never come here. Thread-safe: one lock, taken only when streams open,
 * resume or end and when a notification outside any request is sent.
 */
@ApplicationScoped
public class SessionStreams implements ServerNotifications {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int ENDED_REMEMBERED = 10_000;

    private final Map<String, SessionChannels> sessions = new HashMap<>();
    private final Map<String, ArrayDeque<EventStream>> listeningBySubject = new HashMap<>();
    /** The most recently ended sessions (ids are never reused): what a request that outlives its session finds. */
    private final Map<String, Boolean> ended = new LinkedHashMap<>() {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ENDED_REMEMBERED;
        }
    };
    private StreamConfig config;

    /** For CDI proxies only. */
    protected SessionStreams() {
    }

    @Inject
    public SessionStreams(StreamConfig config) {
        this.config = config;
    }

    private static final class SessionChannels {
        final String owner;
        /** Access-ordered: the least recently used first. */
        final LinkedHashMap<String, EventStream> resumable = new LinkedHashMap<>(8, 0.75f, true);
        /** The GET streams with a connection, the most recently opened last. */
        final ArrayDeque<EventStream> listening = new ArrayDeque<>();
        final ArrayDeque<String> pending = new ArrayDeque<>();
        /** The ids of the session's GET streams among the resumable ones. */
        final java.util.Set<String> listenerIds = new java.util.HashSet<>();

        SessionChannels(String owner) {
            this.owner = owner;
        }
    }

    /**
     * A stream for the response to one request, opened (by {@code opener}) only when something is sent on it.
     *
     * @param opener turns the request's HTTP response into an event stream
     */
    public EventStream requestStream(String sessionId, String owner, Supplier<StreamConnection> opener) {
        EventStream stream = EventStream.opening(newId(), config.replayEvents(), config.retry().toMillis(), opener);
        synchronized (this) {
            remember(channels(sessionId, owner), stream);
        }
        return stream;
    }

    /**
     * Opens a GET stream for the session on that connection (sending the priming event), delivers the notifications
     * that waited for one, and makes room within the limits by ending the oldest GET streams.
     */
    public EventStream listen(String sessionId, String owner, StreamConnection connection) {
        EventStream stream = EventStream.open(newId(), config.replayEvents(), config.retry().toMillis(), connection);
        List<EventStream> toEnd = new ArrayList<>();
        List<String> waiting;
        synchronized (this) {
            if (ended.containsKey(sessionId)) {
                toEnd.add(stream); // the session ended while the GET came in: nothing would ever end this stream
                waiting = List.of();
            } else {
                SessionChannels channels = channels(sessionId, owner);
                remember(channels, stream);
                channels.listenerIds.add(stream.id());
                addListening(channels, stream, toEnd);
                waiting = new ArrayList<>(channels.pending);
                channels.pending.clear();
            }
        }
        toEnd.forEach(EventStream::end);
        waiting.forEach(stream::send);
        return stream;
    }

    /** Makes {@code stream} the session's newest listening stream, ending the oldest ones beyond the limits. */
    private void addListening(SessionChannels channels, EventStream stream, List<EventStream> toEnd) {
        dropDisconnected(channels.listening);
        channels.listening.remove(stream);
        while (channels.listening.size() >= config.maxPerSession()) {
            EventStream oldest = channels.listening.removeFirst();
            listeningOf(channels.owner).remove(oldest);
            toEnd.add(oldest);
        }
        ArrayDeque<EventStream> subjects = listeningOf(channels.owner);
        dropDisconnected(subjects);
        subjects.remove(stream);
        while (subjects.size() >= config.maxPerSubject()) {
            EventStream oldest = subjects.removeFirst();
            sessions.values().forEach(other -> other.listening.remove(oldest));
            toEnd.add(oldest);
        }
        channels.listening.addLast(stream);
        subjects.addLast(stream);
    }

    /** What became of a {@code Last-Event-ID}. */
    public enum Resumption {
        /**
         * What followed the id was replayed on the new connection, which then carries the stream, or is closed when
         * the stream had ended.
         */
        RESUMED,
        /**
         * The stream has ended and the client has seen all it sent: nothing to resume, the connection is left
         * untouched. The transport answers 204 No Content, which tells an SSE client to stop reconnecting (HTML
         * Living Standard, Server-sent events: a 204 fails the connection); reconnecting forever would poll the
         * server every {@code mcp.streams.retry}.
         */
        FINISHED,
        /** The id names no stream this session still knows for this owner: the caller may open a new stream. */
        UNKNOWN
    }

    /** Resumes the stream an event id belongs to, replaying what followed it. */
    public Resumption resume(String sessionId, String owner, String lastEventId, StreamConnection connection) {
        String streamId = EventStream.streamIdOf(lastEventId);
        EventStream stream;
        synchronized (this) {
            SessionChannels channels = sessions.get(sessionId);
            stream = channels == null || streamId == null ? null : channels.resumable.get(streamId);
            if (stream == null || !channels.owner.equals(owner)) {
                return Resumption.UNKNOWN;
            }
        }
        long after = stream.sequenceOf(lastEventId);
        if (after < 0) {
            return Resumption.UNKNOWN;
        }
        if (!stream.resume(after, connection)) {
            return Resumption.FINISHED;
        }
        List<EventStream> toEnd = new ArrayList<>();
        synchronized (this) {
            SessionChannels channels = sessions.get(sessionId);
            if (channels != null && channels.listenerIds.contains(streamId) && stream.connected()) {
                addListening(channels, stream, toEnd);
            }
        }
        toEnd.forEach(EventStream::end);
        return Resumption.RESUMED;
    }

    @Override
    public void toSession(String sessionId, JsonRpcNotification<?> notification) {
        String json = WireJson.toJson(notification);
        EventStream target;
        synchronized (this) {
            SessionChannels channels = sessions.get(sessionId);
            if (channels == null) {
                return;
            }
            target = pickOrWait(channels, json);
        }
        if (target != null) {
            target.send(json);
        }
    }

    @Override
    public void toAllSessions(JsonRpcNotification<?> notification) {
        String json = WireJson.toJson(notification);
        List<EventStream> targets = new ArrayList<>();
        synchronized (this) {
            for (SessionChannels channels : sessions.values()) {
                Optional.ofNullable(pickOrWait(channels, json)).ifPresent(targets::add);
            }
        }
        targets.forEach(stream -> stream.send(json));
    }

    /** Registers a session so that notifications to all sessions reach it even before it opens a stream. */
    public synchronized void sessionStarted(String sessionId, String owner) {
        channels(sessionId, owner);
    }

    /** Ends every stream of an ended session and forgets what waited for it. */
    void sessionEnded(@Observes SessionEnded ended) {
        List<EventStream> toEnd;
        synchronized (this) {
            this.ended.put(ended.sessionId(), Boolean.TRUE);
            SessionChannels channels = sessions.remove(ended.sessionId());
            if (channels == null) {
                return;
            }
            toEnd = new ArrayList<>(channels.resumable.values());
            toEnd.addAll(channels.listening);
            ArrayDeque<EventStream> subjects = listeningBySubject.get(channels.owner);
            if (subjects != null) {
                // The session's own list lost the streams whose clients left; the subject's may still hold them.
                subjects.removeAll(toEnd);
                dropDisconnected(subjects);
                if (subjects.isEmpty()) {
                    listeningBySubject.remove(channels.owner);
                }
            }
        }
        toEnd.forEach(EventStream::end);
    }

    /**
     * The application stops: every stream ends, so that no open connection holds up the server's shutdown (a client
     * reconnects to whichever instance serves it next, and initializes again there).
     */
    @PreDestroy
    void stop() {
        List<EventStream> toEnd = new ArrayList<>();
        synchronized (this) {
            sessions.values().forEach(channels -> toEnd.addAll(channels.resumable.values()));
            sessions.values().forEach(channels -> toEnd.addAll(channels.listening));
            sessions.clear();
            listeningBySubject.clear();
        }
        toEnd.forEach(EventStream::end);
    }

    /** The GET streams open now, over all sessions (for tests and metrics). */
    public synchronized int listeningCount() {
        return listeningBySubject.values().stream().mapToInt(ArrayDeque::size).sum();
    }

    private EventStream pickOrWait(SessionChannels channels, String json) {
        dropDisconnected(channels.listening);
        EventStream target = channels.listening.peekLast();
        if (target == null) {
            channels.pending.addLast(json);
            while (channels.pending.size() > config.pendingNotifications()) {
                channels.pending.removeFirst();
            }
        }
        return target;
    }

    /**
     * The session's channels; for a session that has ended (a request that outlived it), channels of its own that
     * nothing keeps, so that an ended session never comes back to life here.
     */
    private SessionChannels channels(String sessionId, String owner) {
        if (ended.containsKey(sessionId)) {
            return new SessionChannels(owner);
        }
        return sessions.computeIfAbsent(sessionId, id -> new SessionChannels(owner));
    }

    private ArrayDeque<EventStream> listeningOf(String owner) {
        return listeningBySubject.computeIfAbsent(owner, o -> new ArrayDeque<>());
    }

    private void remember(SessionChannels channels, EventStream stream) {
        channels.resumable.put(stream.id(), stream);
        if (channels.resumable.size() > config.resumableStreams()) {
            // The least recently used stream that has ended goes; an open one never does (its client may still have to
            // resume it to get its result), so a session with more open streams than the bound keeps them all.
            Iterator<EventStream> it = channels.resumable.values().iterator();
            while (it.hasNext()) {
                EventStream candidate = it.next();
                if (candidate.ended()) {
                    it.remove();
                    channels.listenerIds.remove(candidate.id());
                    break;
                }
            }
        }
    }

    private static void dropDisconnected(ArrayDeque<EventStream> streams) {
        streams.removeIf(stream -> !stream.connected());
    }

    private static String newId() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
