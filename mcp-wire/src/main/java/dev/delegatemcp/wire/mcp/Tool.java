package dev.delegatemcp.wire.mcp;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A tool as {@code tools/list} describes it (MCP 2025-11-25 schema: Tool).
 *
 * @param name the name {@code tools/call} uses
 * @param title a display name, or null
 * @param description what it does, for the model, or null
 * @param inputSchema the JSON Schema (2020-12) of its arguments: an object schema
 * @param outputSchema the JSON Schema of its {@code structuredContent}, or null when it returns none
 * @param annotations hints about its behaviour, or null
 */
@JsonbPropertyOrder({"name", "title", "description", "inputSchema", "outputSchema", "annotations"})
public record Tool(String name, String title, String description, JsonObject inputSchema, JsonObject outputSchema,
        ToolAnnotations annotations) {
}
