package dev.delegatemcp.samples.connections.remote;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The remote MCP servers' sessions ({@code Mcp-Session-Id}, 256 random bits), each bound to one app and to the owner
 * of the connection that opened it (a user or a tenant), so that a token of another owner or app cannot use it.
 * Bounded: beyond {@link #MAX_SESSIONS} the least recently used session is forgotten.
 */
@ApplicationScoped
public class RemoteSessions {

    static final int MAX_SESSIONS = 10_000;

    private final SecureRandom random = new SecureRandom();
    private final Map<String, String> bindingById = new LinkedHashMap<>(64, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
            return size() > MAX_SESSIONS;
        }
    };

    /** Opens a session for this app and connection; answers its id. */
    public synchronized String open(String appId, ConnectionView connection) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        bindingById.put(id, binding(appId, connection));
        return id;
    }

    /** Whether {@code sessionId} is an open session of this app and connection owner. */
    public synchronized boolean isOpen(String sessionId, String appId, ConnectionView connection) {
        return binding(appId, connection).equals(bindingById.get(sessionId));
    }

    private static String binding(String appId, ConnectionView connection) {
        return appId + "\n" + connection.owner();
    }
}
