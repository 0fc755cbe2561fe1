package dev.delegatemcp.server.protocol.session;

import java.time.Duration;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
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

    /** At start-up: stops the application, naming the key, when a value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        requireValid();
    }

    /**
     * Checks this configuration: also called by the store's producer, which may run first (another start-up
     * observer injects the store), so that a value out of range is reported by its key either way.
     *
     * @throws IllegalStateException naming the key of a value out of range
     */
    void requireValid() {
        new ConfigChecks().positive("mcp.sessions.idle-timeout", idleTimeout).atLeastOne("mcp.sessions.max", max)
                .atLeastOne("mcp.sessions.max-per-subject", maxPerSubject).orFail();
    }
}
