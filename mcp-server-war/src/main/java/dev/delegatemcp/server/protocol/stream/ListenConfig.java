package dev.delegatemcp.server.protocol.stream;

import java.time.Duration;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Bounds of {@code subscriptions/listen} streams (MCP 2026-07-28), keys {@code mcp.listen.*}. */
@Dependent
public class ListenConfig {

    /**
     * {@code mcp.listen.max-per-subject}: listen streams one subject may hold open at once (at least 1); one more ends
     * the subject's oldest, gracefully. Each open stream holds a server thread.
     */
    @Inject
    @ConfigProperty(name = "mcp.listen.max-per-subject", defaultValue = "4")
    int maxPerSubject;

    /**
     * {@code mcp.listen.max}: listen streams open on the server at once (at least 1); one more is refused with HTTP
     * 503, unless its subject makes room by ending one of its own.
     */
    @Inject
    @ConfigProperty(name = "mcp.listen.max", defaultValue = "200")
    int max;

    /** {@code mcp.listen.max-resources}: resource URIs one listen stream may ask updates of (at least 1). */
    @Inject
    @ConfigProperty(name = "mcp.listen.max-resources", defaultValue = "100")
    int maxResources;

    /**
     * {@code mcp.listen.keep-alive}: how often a quiet listen stream gets an SSE comment line (positive ISO-8601);
     * a client that left is noticed then at the latest.
     */
    @Inject
    @ConfigProperty(name = "mcp.listen.keep-alive", defaultValue = "PT15S")
    Duration keepAlive;

    public ListenConfig() {
    }

    public ListenConfig(int maxPerSubject, int maxResources, Duration keepAlive) {
        this(200, maxPerSubject, maxResources, keepAlive);
    }

    public ListenConfig(int max, int maxPerSubject, int maxResources, Duration keepAlive) {
        this.max = max;
        this.maxPerSubject = maxPerSubject;
        this.maxResources = maxResources;
        this.keepAlive = keepAlive;
    }

    public int max() {
        return max;
    }

    public int maxPerSubject() {
        return maxPerSubject;
    }

    public int maxResources() {
        return maxResources;
    }

    public Duration keepAlive() {
        return keepAlive;
    }

    /** At start-up: stops the application, naming the key, when a value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        new ConfigChecks().atLeastOne("mcp.listen.max", max).atLeastOne("mcp.listen.max-per-subject", maxPerSubject)
                .atLeastOne("mcp.listen.max-resources", maxResources).positive("mcp.listen.keep-alive", keepAlive)
                .orFail();
    }
}
