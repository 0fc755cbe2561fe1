package dev.delegatemcp.server.remote;

import java.time.Duration;
import java.util.Optional;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Remote MCP servers: the client's time limits, the re-exported tools and their caches, keys {@code mcp.remote.*}.
 * Durations are ISO-8601; sizes are entry counts.
 */
@Dependent
public class RemoteConfig {

    /** The key of the export list, also read by the deployment check of re-exported tools. */
    public static final String EXPORT = "mcp.remote.export";

    /** {@code mcp.remote.connect-timeout}: to open a connection to a remote server (positive). */
    @Inject
    @ConfigProperty(name = "mcp.remote.connect-timeout", defaultValue = "PT5S")
    Duration connectTimeout;

    /** {@code mcp.remote.timeout}: for one request's answer (positive). */
    @Inject
    @ConfigProperty(name = "mcp.remote.timeout", defaultValue = "PT15S")
    Duration timeout;

    /** {@code mcp.remote.export}: the targets whose tools are re-exported (comma separated); absent for none. */
    @Inject
    @ConfigProperty(name = EXPORT)
    Optional<String> export;

    /** {@code mcp.remote.tools-cache-ttl}: how long a remote tool list is kept per credential. */
    @Inject
    @ConfigProperty(name = "mcp.remote.tools-cache-ttl", defaultValue = "PT60S")
    Duration toolsCacheTtl;

    /** {@code mcp.remote.tools-cache-max-entries}: remote tool lists kept at most. */
    @Inject
    @ConfigProperty(name = "mcp.remote.tools-cache-max-entries", defaultValue = "10000")
    long toolsCacheMaxEntries;

    /** {@code mcp.remote.not-connected-ttl}: how long a caller the vault said has not connected is not asked again. */
    @Inject
    @ConfigProperty(name = "mcp.remote.not-connected-ttl", defaultValue = "PT30S")
    Duration notConnectedTtl;

    /** {@code mcp.remote.not-connected-max-entries}: such callers remembered at most. */
    @Inject
    @ConfigProperty(name = "mcp.remote.not-connected-max-entries", defaultValue = "10000")
    long notConnectedMaxEntries;

    /** For MicroProfile Config, which fills the fields. */
    public RemoteConfig() {
    }

    public Duration connectTimeout() {
        return connectTimeout;
    }

    public Duration timeout() {
        return timeout;
    }

    /** The export list as written; empty when absent. */
    public String export() {
        return export.orElse("");
    }

    public Duration toolsCacheTtl() {
        return toolsCacheTtl;
    }

    public long toolsCacheMaxEntries() {
        return toolsCacheMaxEntries;
    }

    public Duration notConnectedTtl() {
        return notConnectedTtl;
    }

    public long notConnectedMaxEntries() {
        return notConnectedMaxEntries;
    }

    /** At start-up: stops the application, naming the key, when a value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        new ConfigChecks().positive("mcp.remote.connect-timeout", connectTimeout)
                .positive("mcp.remote.timeout", timeout)
                .positive("mcp.remote.tools-cache-ttl", toolsCacheTtl)
                .atLeastOne("mcp.remote.tools-cache-max-entries", toolsCacheMaxEntries)
                .positive("mcp.remote.not-connected-ttl", notConnectedTtl)
                .atLeastOne("mcp.remote.not-connected-max-entries", notConnectedMaxEntries).orFail();
    }
}
