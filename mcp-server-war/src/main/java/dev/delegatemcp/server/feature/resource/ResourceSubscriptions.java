package dev.delegatemcp.server.feature.resource;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.delegatemcp.server.protocol.session.SessionEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Which sessions subscribed to which resource URIs (MCP 2025-11-25, Resources, Subscriptions): per session, at most
 * {@code mcp.resources.max-subscriptions-per-session} URIs; a session's subscriptions end with it
 * ({@link SessionEnded}). URIs are compared as strings, exactly as subscribed.
 * <p>
 * One lock guards both directions (session to URIs, URI to sessions): subscribing and unsubscribing are rare next to
 * reads, and a notification copies the sessions it sends to before sending. A subscription a request adds after its
 * session ended in the meantime (the session was live when the request began) stays until the server stops; at most
 * the per-session bound of URIs per such session, and no notification reaches an ended session.
 */
@ApplicationScoped
public class ResourceSubscriptions {

    private final Object lock = new Object();
    private final Map<String, Set<String>> bySession = new HashMap<>();
    private final Map<String, Set<String>> byUri = new HashMap<>();
    private final int maxPerSession;

    /** For CDI proxies only. */
    protected ResourceSubscriptions() {
        maxPerSession = 0;
    }

    @Inject
    public ResourceSubscriptions(ResourcesConfig config) {
        this(config.maxSubscriptionsPerSession());
    }

    /** @param maxPerSession the most URIs one session may be subscribed to */
    public ResourceSubscriptions(int maxPerSession) {
        this.maxPerSession = maxPerSession;
    }

    /** The most URIs one session may be subscribed to. */
    public int maxPerSession() {
        return maxPerSession;
    }

    /**
     * Subscribes the session to the URI; subscribing again changes nothing.
     *
     * @return false, subscribing nothing, when the session is at its limit and not subscribed to the URI yet
     */
    public boolean subscribe(String sessionId, String uri) {
        synchronized (lock) {
            Set<String> uris = bySession.computeIfAbsent(sessionId, id -> new LinkedHashSet<>());
            if (uris.contains(uri)) {
                return true;
            }
            if (uris.size() >= maxPerSession) {
                if (uris.isEmpty()) {
                    bySession.remove(sessionId);
                }
                return false;
            }
            uris.add(uri);
            byUri.computeIfAbsent(uri, key -> new LinkedHashSet<>()).add(sessionId);
            return true;
        }
    }

    /** Ends the session's subscription to the URI; returns whether it had one. */
    public boolean unsubscribe(String sessionId, String uri) {
        synchronized (lock) {
            Set<String> uris = bySession.get(sessionId);
            if (uris == null || !uris.remove(uri)) {
                return false;
            }
            if (uris.isEmpty()) {
                bySession.remove(sessionId);
            }
            removeSession(uri, sessionId);
            return true;
        }
    }

    /** The sessions subscribed to exactly this URI, a copy. */
    public List<String> subscribersOf(String uri) {
        synchronized (lock) {
            Set<String> sessions = byUri.get(uri);
            return sessions == null ? List.of() : List.copyOf(sessions);
        }
    }

    /** The URIs the session is subscribed to, a copy. */
    public Set<String> subscriptionsOf(String sessionId) {
        synchronized (lock) {
            Set<String> uris = bySession.get(sessionId);
            return uris == null ? Set.of() : Set.copyOf(uris);
        }
    }

    /** Drops every subscription of a session that ended. */
    void sessionEnded(@Observes SessionEnded ended) {
        synchronized (lock) {
            Set<String> uris = bySession.remove(ended.sessionId());
            if (uris != null) {
                uris.forEach(uri -> removeSession(uri, ended.sessionId()));
            }
        }
    }

    private void removeSession(String uri, String sessionId) {
        Set<String> sessions = byUri.get(uri);
        if (sessions != null && sessions.remove(sessionId) && sessions.isEmpty()) {
            byUri.remove(uri);
        }
    }
}
