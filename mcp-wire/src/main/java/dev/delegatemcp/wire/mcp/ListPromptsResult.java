package dev.delegatemcp.wire.mcp;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The result of {@code prompts/list} (MCP 2025-11-25 schema: ListPromptsResult; Pagination).
 *
 * @param prompts one page of prompts
 * @param nextCursor the opaque cursor of the next page, or null on the last page
 */
@JsonbPropertyOrder({"prompts", "nextCursor"})
public record ListPromptsResult(List<Prompt> prompts, String nextCursor) {
}
