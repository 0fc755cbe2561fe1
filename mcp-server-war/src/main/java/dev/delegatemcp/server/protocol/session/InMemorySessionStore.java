package dev.delegatemcp.server.protocol.session;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.wire.mcp.ProtocolVersion;

/**
 * A bounded in-memory session store: at most {@code maxSessions} sessions in all and {@code maxPerSubject} per owner
 * (the token's subject), each ended after {@code idleTimeout} without use. Thread-safe.
 *
 * <p>Making room never lets one subject push out the sessions of others:
 * <ol>
 * <li>expired sessions go first;</li>
 * <li>a subject at its own limit loses its own least recently used session;</li>
 * <li>when the store as a whole is full, a session of the subject holding the most sessions goes (its least
 * recently used one; the creating subject's own when it holds as many as anyone). Only when every subject holds
 * one session, as many as the creator, does the least recently used session of all go.</li>
 * </ol>
 *
 * <p>Hand-written rather than a cache library: no cache we could use (Caffeine included) bounds entries per group
 * of keys; this store needs the global and the per-subject order of use together.
 */
public final class InMemorySessionStore implements SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int maxSessions;
    private final int maxPerSubject;
    private final Duration idleTimeout;
    private final Clock clock;
    private final Consumer<McpSession> onEnd;
    /** Access-ordered: iteration starts with the least recently used session. */
    private final LinkedHashMap<String, Entry> sessions = new LinkedHashMap<>(16, 0.75f, true);
    /** Each owner's sessions, access-ordered as well; an owner without sessions has no entry. */
    private final Map<String, LinkedHashMap<String, Entry>> byOwner = new HashMap<>();
    /**
     * The same entries as {@link #sessions}, changed only under the lock with it, read without it: a session used
     * less than {@link #touchWindowMillis} ago is found here and keeps its place, so that the requests of busy
     * sessions do not queue for the lock (bench/peers/run: JFR counted about 200 waits of 10 ms or more on it in 20 s
     * of tools/call load on 2 cores, most likely while its holder was descheduled).
     */
    private final ConcurrentHashMap<String, Entry> index = new ConcurrentHashMap<>();

    /** The longest touch window: idle expiry and least-recently-used order are exact to this many milliseconds. */
    static final long TOUCH_RESOLUTION_MILLIS = 1000;
    /**
     * A use this soon after the last recorded one is not recorded: {@link #TOUCH_RESOLUTION_MILLIS}, or a tenth of
     * the idle timeout when that is shorter, so that a session in use never expires more than a tenth early.
     */
    private final long touchWindowMillis;

    private record Entry(McpSession session, long lastUsedMillis) {
    }

    /**
     * @param maxSessions live sessions at most, at least 1
     * @param maxPerSubject live sessions of one owner at most, at least 1 (capped at {@code maxSessions})
     * @param idleTimeout a session unused this long has ended
     * @param onEnd told of each session that ends (removed, evicted or found expired), after the store let go of it
     */
    public InMemorySessionStore(int maxSessions, int maxPerSubject, Duration idleTimeout, Clock clock,
            Consumer<McpSession> onEnd) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
        if (maxPerSubject < 1) {
            throw new IllegalArgumentException("maxPerSubject must be at least 1");
        }
        this.maxSessions = maxSessions;
        this.maxPerSubject = Math.min(maxPerSubject, maxSessions);
        this.idleTimeout = idleTimeout;
        this.touchWindowMillis = Math.min(TOUCH_RESOLUTION_MILLIS, idleTimeout.toMillis() / 10);
        this.clock = clock;
        this.onEnd = onEnd;
    }

    public InMemorySessionStore(int maxSessions, int maxPerSubject, Duration idleTimeout, Clock clock) {
        this(maxSessions, maxPerSubject, idleTimeout, clock, session -> {
        });
    }

    @Override
    public McpSession create(String owner, ProtocolVersion protocolVersion, ClientCapabilities clientCapabilities) {
        List<McpSession> ended = new ArrayList<>();
        McpSession session;
        synchronized (this) {
            session = createLocked(owner, protocolVersion, clientCapabilities, ended);
        }
        ended.forEach(onEnd);
        return session;
    }

    private McpSession createLocked(String owner, ProtocolVersion protocolVersion,
            ClientCapabilities clientCapabilities, List<McpSession> ended) {
        long now = clock.millis();
        removeExpired(now, ended);
        LinkedHashMap<String, Entry> own = byOwner.get(owner);
        if (own != null && own.size() >= maxPerSubject) {
            evictEldestOf(own, ended);
        } else if (sessions.size() >= maxSessions) {
            evictEldestOf(heaviestOwnerFor(owner, own == null ? 0 : own.size()), ended);
        }
        McpSession session = new McpSession(newId(), owner, protocolVersion, clientCapabilities);
        Entry entry = new Entry(session, now);
        sessions.put(session.id(), entry);
        index.put(session.id(), entry);
        byOwner.computeIfAbsent(owner, o -> new LinkedHashMap<>(4, 0.75f, true)).put(session.id(), entry);
        return session;
    }

    @Override
    public Optional<McpSession> touchOwn(String id, String owner) {
        Entry seen = index.get(id);
        if (seen == null || !seen.session().owner().equals(owner)) {
            return Optional.empty(); // another's session is not even touched
        }
        if (clock.millis() - seen.lastUsedMillis() < touchWindowMillis) {
            return Optional.of(seen.session());
        }
        Optional<McpSession> found;
        McpSession expired = null;
        synchronized (this) {
            // Found among the owner's own sessions only: another's is not even looked up, so nothing of it moves.
            LinkedHashMap<String, Entry> own = byOwner.get(owner);
            Entry entry = own == null ? null : own.get(id);
            if (entry == null) {
                return Optional.empty();
            }
            found = touch(id, entry);
            if (found.isEmpty()) {
                expired = entry.session();
            }
        }
        if (expired != null) {
            onEnd.accept(expired);
        }
        return found;
    }

    private Optional<McpSession> touch(String id, Entry entry) {
        long now = clock.millis();
        if (isExpired(entry, now)) {
            removeLocked(id);
            return Optional.empty();
        }
        Entry touched = new Entry(entry.session(), now);
        sessions.put(id, touched);
        index.put(id, touched);
        byOwner.get(entry.session().owner()).put(id, touched);
        return Optional.of(entry.session());
    }

    @Override
    public boolean remove(String id) {
        Entry removed;
        synchronized (this) {
            removed = removeLocked(id);
        }
        if (removed == null) {
            return false;
        }
        onEnd.accept(removed.session());
        return true;
    }

    private Entry removeLocked(String id) {
        Entry removed = sessions.remove(id);
        if (removed == null) {
            return null;
        }
        index.remove(id);
        String owner = removed.session().owner();
        LinkedHashMap<String, Entry> own = byOwner.get(owner);
        own.remove(id);
        if (own.isEmpty()) {
            byOwner.remove(owner);
        }
        return removed;
    }

    @Override
    public synchronized int count() {
        return sessions.size();
    }

    @Override
    public int size() {
        List<McpSession> ended = new ArrayList<>();
        int size;
        synchronized (this) {
            removeExpired(clock.millis(), ended);
            size = sessions.size();
        }
        ended.forEach(onEnd);
        return size;
    }

    /**
     * The sessions of the owner with the most of them, the creator's own when it holds as many as anyone; among
     * other owners with equally many, the one whose least recently used session is oldest. A scan of the owners,
     * done only when the whole store is full (at most {@code maxSessions} owners).
     */
    private LinkedHashMap<String, Entry> heaviestOwnerFor(String creator, int creatorCount) {
        LinkedHashMap<String, Entry> heaviest = null;
        long heaviestEldest = Long.MAX_VALUE;
        for (Map.Entry<String, LinkedHashMap<String, Entry>> candidate : byOwner.entrySet()) {
            LinkedHashMap<String, Entry> own = candidate.getValue();
            long eldest = own.values().iterator().next().lastUsedMillis();
            boolean more = heaviest == null || own.size() > heaviest.size()
                    || own.size() == heaviest.size() && eldest < heaviestEldest;
            if (more) {
                heaviest = own;
                heaviestEldest = eldest;
            }
        }
        if (creatorCount > 0 && creatorCount >= heaviest.size()) {
            return byOwner.get(creator);
        }
        return heaviest;
    }

    private void evictEldestOf(LinkedHashMap<String, Entry> own, List<McpSession> ended) {
        ended.add(removeLocked(own.keySet().iterator().next()).session());
    }

    private void removeExpired(long now, List<McpSession> ended) {
        // Access order means the idle ones are at the head: stop at the first live one.
        for (Iterator<Map.Entry<String, Entry>> it = sessions.entrySet().iterator(); it.hasNext();) {
            Entry entry = it.next().getValue();
            if (!isExpired(entry, now)) {
                return;
            }
            it.remove();
            index.remove(entry.session().id());
            ended.add(entry.session());
            String owner = entry.session().owner();
            LinkedHashMap<String, Entry> own = byOwner.get(owner);
            own.remove(entry.session().id());
            if (own.isEmpty()) {
                byOwner.remove(owner);
            }
        }
    }

    private boolean isExpired(Entry entry, long now) {
        return now - entry.lastUsedMillis() >= idleTimeout.toMillis();
    }

    private static String newId() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
