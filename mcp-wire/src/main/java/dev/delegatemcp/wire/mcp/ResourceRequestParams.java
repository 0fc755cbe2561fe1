package dev.delegatemcp.wire.mcp;

/**
 * The params of {@code resources/read}, {@code resources/subscribe} and {@code resources/unsubscribe} (MCP 2025-11-25
 * schema: ReadResourceRequestParams, SubscribeRequestParams, UnsubscribeRequestParams).
 *
 * @param uri the resource's URI
 */
public record ResourceRequestParams(String uri) {
}
