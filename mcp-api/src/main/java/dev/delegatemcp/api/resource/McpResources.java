package dev.delegatemcp.api.resource;

import java.util.List;
import java.util.function.Supplier;

/**
 * The application's handle on this server's resources while it runs: {@code @Inject McpResources resources}. Tells
 * subscribed clients that a resource changed, and adds or removes resources beside the annotated ones (MCP 2025-11-25,
 * Server features, Resources: Subscriptions, List Changed Notification). Thread-safe; callable from any thread, also
 * outside a request (e.g. from a scheduler or a message listener).
 */
public interface McpResources {

    /**
     * Sends {@code notifications/resources/updated} with this URI to every session subscribed to exactly this URI, and
     * to no other; nothing happens when none is. The clients then read it again.
     *
     * @param uri the URI whose contents changed (a fixed resource's, or a concrete URI of a template)
     */
    void notifyUpdated(String uri);

    /**
     * Adds a resource, listed and readable at once, and sends {@code notifications/resources/list_changed} to every
     * session.
     *
     * @param definition what {@code resources/list} shows and the scopes it needs
     * @param contents called on every read (on the reading request's thread, so {@code McpCaller} can be injected
     *        where it is used); an item without URI or MIME type gets the definition's; null is no contents. A
     *        {@link dev.delegatemcp.api.ToolCallException} or {@link ResourceNotFoundException} it throws is answered
     *        as for an annotated resource.
     * @throws IllegalArgumentException when the URI, name or MIME type is invalid, or a resource (annotated or added)
     *         already has that URI
     */
    void add(ResourceDefinition definition, Supplier<List<ResourceContents>> contents);

    /**
     * Removes a resource added with {@link #add} and, when there was one, sends
     * {@code notifications/resources/list_changed} to every session. Subscriptions to its URI stay until the clients
     * unsubscribe or their sessions end (the URI may be added again).
     *
     * @return whether a resource was removed; false for an unknown URI and for an annotated resource (those stay)
     */
    boolean remove(String uri);
}
