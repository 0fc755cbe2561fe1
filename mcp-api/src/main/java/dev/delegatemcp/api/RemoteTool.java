package dev.delegatemcp.api;

import jakarta.json.JsonObject;

/**
 * A tool as a remote MCP server lists it.
 *
 * @param name the remote tool's name
 * @param title its title, or null
 * @param description its description, or null
 * @param inputSchema its input JSON Schema
 * @param outputSchema its output JSON Schema, or null
 */
public record RemoteTool(String name, String title, String description, JsonObject inputSchema,
        JsonObject outputSchema) {
}
