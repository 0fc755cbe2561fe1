package dev.delegatemcp.server.feature.resource;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.server.protocol.stream.FollowableResources;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The resources a caller may follow on a listen stream: what {@code resources/subscribe} would let them subscribe to
 * (MCP 2025-11-25), the same rule for MCP 2026-07-28's {@code resourceSubscriptions}: the URI resolves in the catalog
 * and the caller holds the resource's scopes.
 */
@ApplicationScoped
public class ResourceFollowing implements FollowableResources {

    private final ResourceCatalog catalog;

    /** For CDI proxies only. */
    protected ResourceFollowing() {
        catalog = null;
    }

    @Inject
    public ResourceFollowing(ResourceCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public boolean mayFollow(McpCaller caller, String uri) {
        return caller != null && catalog.resolve(uri)
                .filter(resource -> caller.scopes().containsAll(resource.scopes())).isPresent();
    }
}
