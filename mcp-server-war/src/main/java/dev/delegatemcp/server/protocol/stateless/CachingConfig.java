package dev.delegatemcp.server.protocol.stateless;

import java.time.Duration;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The caching hints of cacheable results (MCP 2026-07-28, Caching: {@code ttlMs}), keys {@code mcp.caching.*}. */
@Dependent
public class CachingConfig {

    /**
     * {@code mcp.caching.list-ttl}: how long a client may keep {@code server/discover}, {@code tools/list},
     * {@code prompts/list}, {@code resources/list} and {@code resources/templates/list} results (ISO-8601, zero or
     * more). They change with a deployment, and list-changed notifications say so sooner.
     */
    @Inject
    @ConfigProperty(name = "mcp.caching.list-ttl", defaultValue = "PT5M")
    Duration listTtl;

    /** {@code mcp.caching.read-ttl}: the same for {@code resources/read} results (zero: always re-read). */
    @Inject
    @ConfigProperty(name = "mcp.caching.read-ttl", defaultValue = "PT0S")
    Duration readTtl;

    public CachingConfig() {
    }

    public CachingConfig(Duration listTtl, Duration readTtl) {
        this.listTtl = listTtl;
        this.readTtl = readTtl;
    }

    public Duration listTtl() {
        return listTtl;
    }

    public Duration readTtl() {
        return readTtl;
    }

    /** At start-up: stops the application, naming the key, when a value is negative. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        new ConfigChecks().notNegative("mcp.caching.list-ttl", listTtl).notNegative("mcp.caching.read-ttl", readTtl)
                .orFail();
    }
}
