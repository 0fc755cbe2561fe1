package dev.delegatemcp.wire.mcp;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The result of {@code resources/templates/list} (MCP 2025-11-25 schema: ListResourceTemplatesResult; Pagination).
 *
 * @param resourceTemplates one page of resource templates
 * @param nextCursor the opaque cursor of the next page, or null on the last page
 */
@JsonbPropertyOrder({"resourceTemplates", "nextCursor"})
public record ListResourceTemplatesResult(List<ResourceTemplate> resourceTemplates, String nextCursor) {
}
