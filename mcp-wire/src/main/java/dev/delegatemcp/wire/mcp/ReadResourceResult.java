package dev.delegatemcp.wire.mcp;

import java.util.List;

/**
 * The result of {@code resources/read} (MCP 2025-11-25 schema: ReadResourceResult).
 *
 * @param contents the resource's contents: text or blob items, possibly of sub-resources with their own URIs
 */
public record ReadResourceResult(List<ContentBlock.ResourceContents> contents) {
}
