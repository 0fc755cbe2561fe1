package dev.delegatemcp.wire.mcp;

/**
 * The params of {@code notifications/resources/updated} (MCP 2025-11-25 schema: ResourceUpdatedNotificationParams),
 * sent to clients subscribed to the resource.
 *
 * @param uri the URI of the resource that changed
 */
public record ResourceUpdatedParams(String uri) {
}
