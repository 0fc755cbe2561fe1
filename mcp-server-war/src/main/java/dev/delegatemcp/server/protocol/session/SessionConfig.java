package dev.delegatemcp.server.protocol.session;

import java.time.Duration;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The session store's bounds, keys {@code mcp.sessions.*}. */
@Dependent
public class SessionConfig {

    /** {@code mcp.sessions.max}: live sessions in all (at least 1). */
    @Inject
    @ConfigProperty(name = "mcp.sessions.max", defaultValue = "10000")
    int max;

    /** {@code mcp.sessions.max-per-subject}: live sessions of one subject (at least 1). */
    @Inject
    @ConfigProperty(name = "mcp.sessions.max-per-subject", defaultValue = "100")
    int maxPerSubject;

    /** {@code mcp.sessions.idle-timeout}: an ISO-8601 duration after which an unused session ends. */
    @Inject
    @ConfigProperty(name = "mcp.sessions.idle-timeout", defaultValue = "PT30M")
    Duration idleTimeout;

    public int max() {
        return max;
    }

    public int maxPerSubject() {
        return maxPerSubject;
    }

    public Duration idleTimeout() {
        return idleTimeout;
    }
}
