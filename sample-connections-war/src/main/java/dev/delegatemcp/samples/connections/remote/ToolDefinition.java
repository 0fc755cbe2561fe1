package dev.delegatemcp.samples.connections.remote;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;

/**
 * A remote tool as tools/list shows it. Every argument is a required string (all these demo tools need).
 *
 * @param name        the tool name
 * @param title       a human title
 * @param description what it does
 * @param arguments   argument name to description, in order
 */
public record ToolDefinition(String name, String title, String description, Map<String, String> arguments) {

    public ToolDefinition {
        arguments = new LinkedHashMap<>(arguments);
    }

    public JsonObject toJson() {
        JsonObjectBuilder properties = Json.createObjectBuilder();
        arguments.forEach((argument, about) -> properties.add(argument,
                Json.createObjectBuilder().add("type", "string").add("description", about)));
        JsonObject inputSchema = Json.createObjectBuilder()
                .add("type", "object")
                .add("properties", properties)
                .add("required", Json.createArrayBuilder(arguments.keySet()))
                .build();
        return Json.createObjectBuilder().add("name", name).add("title", title).add("description", description)
                .add("inputSchema", inputSchema).build();
    }
}
