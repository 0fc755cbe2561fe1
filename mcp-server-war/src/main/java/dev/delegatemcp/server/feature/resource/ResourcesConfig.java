package dev.delegatemcp.server.feature.resource;

import dev.delegatemcp.server.ConfigChecks;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The resources feature's settings, keys {@code mcp.resources.*}. */
@Dependent
public class ResourcesConfig {

    static final String PAGE_SIZE = "mcp.resources.page-size";
    static final String MAX_SUBSCRIPTIONS_PER_SESSION = "mcp.resources.max-subscriptions-per-session";

    /**
     * {@code mcp.resources.page-size}: resources per {@code resources/list} page, and templates per
     * {@code resources/templates/list} page (at least 1; MCP 2025-11-25, Pagination).
     */
    @Inject
    @ConfigProperty(name = PAGE_SIZE, defaultValue = "50")
    int pageSize;

    /**
     * {@code mcp.resources.max-subscriptions-per-session}: resource URIs one session may be subscribed to at once (at
     * least 1); a {@code resources/subscribe} past it is refused.
     */
    @Inject
    @ConfigProperty(name = MAX_SUBSCRIPTIONS_PER_SESSION, defaultValue = "100")
    int maxSubscriptionsPerSession;

    public int pageSize() {
        return pageSize;
    }

    public int maxSubscriptionsPerSession() {
        return maxSubscriptionsPerSession;
    }

    /** At start-up: stops the application, naming the key, when a value is out of range. */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        checks().orFail();
    }

    ConfigChecks checks() {
        return new ConfigChecks().atLeastOne(PAGE_SIZE, pageSize)
                .atLeastOne(MAX_SUBSCRIPTIONS_PER_SESSION, maxSubscriptionsPerSession);
    }
}
