package dev.delegatemcp.samples.connections.remote;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.delegatemcp.wire.mcp.Tool;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;

/**
 * A remote tool as tools/list shows it. Every argument is a required string (all these demo tools need).
 *
 * @param name        the tool name
 * @param title       a human title
 * @param description what it does
 * @param arguments   argument name to description, in order
 */
public record ToolDefinition(String name, String title, String description, Map<String, String> arguments) {

    private static final JsonProvider JSON = JsonProvider.provider();

    public ToolDefinition {
        arguments = new LinkedHashMap<>(arguments);
    }

    /** The descriptor (MCP 2025-11-25 schema: Tool); its input schema is a JSON Schema built with JSON-P. */
    public Tool toTool() {
        JsonObjectBuilder properties = JSON.createObjectBuilder();
        arguments.forEach((argument, about) -> properties.add(argument,
                JSON.createObjectBuilder().add("type", "string").add("description", about)));
        JsonObject inputSchema = JSON.createObjectBuilder()
                .add("type", "object")
                .add("properties", properties)
                .add("required", JSON.createArrayBuilder(arguments.keySet()))
                .build();
        return new Tool(name, title, description, inputSchema, null, null);
    }
}
