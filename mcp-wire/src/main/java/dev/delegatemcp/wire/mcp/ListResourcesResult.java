package dev.delegatemcp.wire.mcp;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The result of {@code resources/list} (MCP 2025-11-25 schema: ListResourcesResult; Pagination).
 *
 * @param resources one page of resources
 * @param nextCursor the opaque cursor of the next page, or null on the last page
 */
@JsonbPropertyOrder({"resources", "nextCursor"})
public record ListResourcesResult(List<Resource> resources, String nextCursor) {
}
