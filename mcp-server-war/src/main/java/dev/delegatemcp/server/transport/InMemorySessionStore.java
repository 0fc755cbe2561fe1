package dev.delegatemcp.server.transport;

import dev.delegatemcp.server.protocol.ClientCapabilities;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded in-memory session store: at most {@code maxSessions} sessions, each ended after {@code idleTimeout}
 * without use. When full, expired sessions go first, then the least recently used one. Thread-safe.
 */
public final class InMemorySessionStore implements SessionStore {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final int maxSessions;
    private final Duration idleTimeout;
    private final Clock clock;
    /** Access-ordered: iteration starts with the least recently used session. */
    private final LinkedHashMap<String, Entry> sessions = new LinkedHashMap<>(16, 0.75f, true);

    private record Entry(McpSession session, long lastUsedMillis) {
    }

    public InMemorySessionStore(int maxSessions, Duration idleTimeout, Clock clock) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions must be at least 1");
        }
        this.maxSessions = maxSessions;
        this.idleTimeout = idleTimeout;
        this.clock = clock;
    }

    @Override
    public synchronized McpSession create(String owner, String protocolVersion,
            ClientCapabilities clientCapabilities) {
        long now = clock.millis();
        removeExpired(now);
        if (sessions.size() >= maxSessions) {
            Iterator<String> eldest = sessions.keySet().iterator();
            eldest.next();
            eldest.remove();
        }
        McpSession session = new McpSession(newId(), owner, protocolVersion, clientCapabilities);
        sessions.put(session.id(), new Entry(session, now));
        return session;
    }

    @Override
    public synchronized Optional<McpSession> touch(String id) {
        Entry entry = sessions.get(id);
        if (entry == null) {
            return Optional.empty();
        }
        long now = clock.millis();
        if (isExpired(entry, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        sessions.put(id, new Entry(entry.session(), now));
        return Optional.of(entry.session());
    }

    @Override
    public synchronized boolean remove(String id) {
        return sessions.remove(id) != null;
    }

    @Override
    public synchronized int size() {
        removeExpired(clock.millis());
        return sessions.size();
    }

    private void removeExpired(long now) {
        // Access order means the idle ones are at the head: stop at the first live one.
        for (Iterator<Map.Entry<String, Entry>> it = sessions.entrySet().iterator(); it.hasNext();) {
            if (!isExpired(it.next().getValue(), now)) {
                return;
            }
            it.remove();
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
