package dev.delegatemcp.wire.mcp;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The result of {@code tools/list} (MCP 2025-11-25 schema: ListToolsResult; Pagination).
 *
 * @param tools one page of tools
 * @param nextCursor the opaque cursor of the next page, or null on the last page
 */
@JsonbPropertyOrder({"tools", "nextCursor"})
public record ListToolsResult(List<Tool> tools, String nextCursor) {
}
