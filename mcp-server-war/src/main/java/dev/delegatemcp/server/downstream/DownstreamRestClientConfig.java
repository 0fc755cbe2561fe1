package dev.delegatemcp.server.downstream;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many connections each {@code @Downstream} MicroProfile Rest Client may hold
 * ({@code mcp.downstream.rest-client.max-connections}), read by {@link DownstreamRestClientListener} when it builds a
 * client; checked here at start-up.
 */
@Dependent
public class DownstreamRestClientConfig {

    static final String MAX_CONNECTIONS = "mcp.downstream.rest-client.max-connections";
    static final int DEFAULT_MAX_CONNECTIONS = 256;

    /**
     * {@code mcp.downstream.rest-client.max-connections}: the connections one {@code @Downstream} Rest Client holds at
     * most, so at most that many of its requests are under way at once (Liberty's RESTEasy gives 50 otherwise). The
     * default matches {@code mcp.transport.max-request-threads}: a tool call never waits for a connection of its own
     * client longer than for a thread.
     */
    @Inject
    @ConfigProperty(name = MAX_CONNECTIONS, defaultValue = "" + DEFAULT_MAX_CONNECTIONS)
    int maxConnections;

    /** At start-up: stops the application, naming the key, when the value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        new ConfigChecks().atLeastOne(MAX_CONNECTIONS, maxConnections).orFail();
    }
}
