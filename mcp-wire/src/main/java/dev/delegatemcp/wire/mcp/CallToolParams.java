package dev.delegatemcp.wire.mcp;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The params of {@code tools/call} as a client sends them (MCP 2025-11-25 schema: CallToolRequest).
 *
 * @param name the tool's name
 * @param arguments the arguments, an object matching the tool's input schema
 */
@JsonbPropertyOrder({"name", "arguments"})
public record CallToolParams(String name, JsonObject arguments) {
}
