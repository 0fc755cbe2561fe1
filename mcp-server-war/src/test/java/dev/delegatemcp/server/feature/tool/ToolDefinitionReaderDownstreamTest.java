package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Set;

import dev.delegatemcp.server.downstream.DownstreamDeclarationsTest.DownstreamTools;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** {@link ToolDefinitionReader} and {@code @Downstream} parameters (the beans are DownstreamDeclarationsTest's). */
class ToolDefinitionReaderDownstreamTest {

    // --- helpers ------------------------------------------------------------------------------------------------

    private static ToolDefinition read(Class<?> type, String name) {
        return TestTools.read(type, name);
    }

    private static JsonObject inputSchema(ToolDefinition tool) {
        return tool.descriptor().inputSchema();
    }

    // --- parameters ---------------------------------------------------------------------------------------------

    @Test
    void credentialParameterIsNotInTheInputSchemaAndIsACredentialParameter() {
        ToolDefinition tool = read(DownstreamTools.class, "events");
        assertEquals(Set.of("day"), inputSchema(tool).getJsonObject("properties").keySet());
        assertEquals(Json.createArrayBuilder().add("day").build(), inputSchema(tool).getJsonArray("required"));
        assertEquals(2, tool.parameters().size());
        assertInstanceOf(ToolParameter.Argument.class, tool.parameters().get(0));
        assertInstanceOf(ToolParameter.Credential.class, tool.parameters().get(1));
    }

    @Test
    void credentialsParameterIsNotInTheInputSchemaAndIsACredentialParameter() {
        ToolDefinition tool = read(DownstreamTools.class, "several");
        assertEquals(Set.of("query"), inputSchema(tool).getJsonObject("properties").keySet());
        assertEquals(Json.createArrayBuilder().add("query").build(), inputSchema(tool).getJsonArray("required"));
        assertInstanceOf(ToolParameter.Argument.class, tool.parameters().get(0));
        assertInstanceOf(ToolParameter.Credential.class, tool.parameters().get(1));
        assertInstanceOf(ToolParameter.Caller.class, tool.parameters().get(2));
    }

    @Test
    void everyCredentialParameterKeepsItsPosition() {
        ToolDefinition tool = read(DownstreamTools.class, "twoCredentials");
        assertEquals(Set.of("text"), inputSchema(tool).getJsonObject("properties").keySet());
        assertInstanceOf(ToolParameter.Credential.class, tool.parameters().get(0));
        assertInstanceOf(ToolParameter.Argument.class, tool.parameters().get(1));
        assertInstanceOf(ToolParameter.Credential.class, tool.parameters().get(2));
    }

    @Test
    void credentialParametersDoNotChangeTheRestOfTheDescriptor() {
        JsonObject descriptor = TestTools.written(read(DownstreamTools.class, "events").descriptor());
        assertEquals("events", descriptor.getString("name"));
        assertEquals("The day", inputSchema(read(DownstreamTools.class, "events")).getJsonObject("properties")
                .getJsonObject("day").getString("description"));
        assertEquals(Set.of("name", "description", "inputSchema", "annotations"), descriptor.keySet());
    }
}
