package dev.delegatemcp.server.feature.resource;

import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

import dev.delegatemcp.api.resource.McpResources;
import dev.delegatemcp.api.resource.ResourceContents;
import dev.delegatemcp.api.resource.ResourceDefinition;
import dev.delegatemcp.server.protocol.stream.ListenStreams;
import dev.delegatemcp.server.protocol.stream.ServerNotifications;
import dev.delegatemcp.wire.jsonrpc.JsonRpcNotification;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ResourceUpdatedParams;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The server's {@link McpResources}: {@code notifications/resources/updated} to the sessions subscribed to a URI (and
 * no other), and resources added or removed at run time with {@code notifications/resources/list_changed} to every
 * session (MCP 2025-11-25, Resources: Subscriptions, List Changed Notification), sent through
 * {@link ServerNotifications}, and to the {@code subscriptions/listen} streams that asked for them (MCP 2026-07-28).
 */
@ApplicationScoped
public class McpResourcesService implements McpResources {

    private static final JsonRpcNotification<Object> LIST_CHANGED = JsonRpcNotification
            .of(McpMethods.RESOURCES_LIST_CHANGED, null);

    private final ResourceCatalog catalog;
    private final ResourceSubscriptions subscriptions;
    private final ServerNotifications notifications;
    private final ListenStreams listeners;

    /** For CDI proxies only. */
    protected McpResourcesService() {
        this(null, null, null, null);
    }

    @Inject
    public McpResourcesService(ResourceCatalog catalog, ResourceSubscriptions subscriptions,
            ServerNotifications notifications, ListenStreams listeners) {
        this.catalog = catalog;
        this.subscriptions = subscriptions;
        this.notifications = notifications;
        this.listeners = listeners;
    }

    @Override
    public void notifyUpdated(String uri) {
        Objects.requireNonNull(uri, "uri");
        listeners.resourceUpdated(uri);
        List<String> sessions = subscriptions.subscribersOf(uri);
        if (sessions.isEmpty()) {
            return;
        }
        JsonRpcNotification<ResourceUpdatedParams> updated = JsonRpcNotification.of(McpMethods.RESOURCES_UPDATED,
                new ResourceUpdatedParams(uri));
        sessions.forEach(session -> notifications.toSession(session, updated));
    }

    @Override
    public void add(ResourceDefinition definition, Supplier<List<ResourceContents>> contents) {
        catalog.add(Objects.requireNonNull(definition, "definition"), contents);
        notifications.toAllSessions(LIST_CHANGED);
        listeners.resourcesListChanged();
    }

    @Override
    public boolean remove(String uri) {
        boolean removed = catalog.remove(uri);
        if (removed) {
            notifications.toAllSessions(LIST_CHANGED);
            listeners.resourcesListChanged();
        }
        return removed;
    }
}
