package dev.delegatemcp.wire.mcp;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * Hints about a tool's behaviour (MCP 2025-11-25 schema: ToolAnnotations); every member optional (null: absent).
 *
 * @param title a display name
 * @param readOnlyHint the tool does not change its environment
 * @param destructiveHint it may destroy or overwrite data
 * @param idempotentHint calling it again with the same arguments has no further effect
 * @param openWorldHint it reaches outside this server (other services, the internet)
 */
@JsonbPropertyOrder({"title", "readOnlyHint", "destructiveHint", "idempotentHint", "openWorldHint"})
public record ToolAnnotations(String title, Boolean readOnlyHint, Boolean destructiveHint, Boolean idempotentHint,
        Boolean openWorldHint) {
}
