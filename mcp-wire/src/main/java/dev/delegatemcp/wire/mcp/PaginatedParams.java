package dev.delegatemcp.wire.mcp;

/**
 * The params of a list request (MCP 2025-11-25 schema: PaginatedRequest).
 *
 * @param cursor the {@code nextCursor} of the previous page, or null for the first page
 */
public record PaginatedParams(String cursor) {
}
