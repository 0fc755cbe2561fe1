package dev.delegatemcp.server.protocol.logging;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.delegatemcp.api.interaction.McpLog;
import dev.delegatemcp.server.protocol.session.SessionEnded;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The log level each session set with {@code logging/setLevel}; a session that set none gets no log messages (the
 * specification leaves the default to the server; sending nothing unasked keeps streams quiet). Forgotten when the
 * session ends. Thread-safe.
 */
@ApplicationScoped
public class ClientLogLevels {

    private final Map<String, McpLog.Level> levels = new ConcurrentHashMap<>();

    /** Sets the session's level. */
    public void set(String sessionId, McpLog.Level level) {
        levels.put(sessionId, level);
    }

    /** The session's level, when it set one. */
    public Optional<McpLog.Level> of(String sessionId) {
        return sessionId == null ? Optional.empty() : Optional.ofNullable(levels.get(sessionId));
    }

    void sessionEnded(@Observes SessionEnded ended) {
        levels.remove(ended.sessionId());
    }
}
