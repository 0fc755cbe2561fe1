package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.Set;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** {@link ToolDefinitionReader} and {@code @Downstream}. */
class ToolDefinitionReaderDownstreamTest {

    // --- test beans ---------------------------------------------------------------------------------------------

    public static class DownstreamTools {

        @Tool
        @Downstream(resource = "calendar", scopes = "calendar.read")
        public String events(@ToolArg(description = "The day") String day, DownstreamCredential calendar) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        @Downstream(connection = "github", level = Downstream.Level.TENANT)
        @Downstream(resource = "drive", scopes = {"drive.read", "drive.write"})
        public String several(String query, DownstreamCredentials all, McpCaller caller) {
            return null;
        }

        @Tool
        @Downstream(connection = "github")
        @Downstream(resource = "calendar")
        public String twoCredentials(DownstreamCredential github, String text, DownstreamCredential calendar) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        @Downstream(resource = "drive")
        public String fewerCredentialsThanTargets(DownstreamCredential calendar) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        public String noCredentialParameter(String text) {
            return null;
        }

        @Tool
        public String plain(String text) {
            return null;
        }
    }

    @Downstream(resource = "crm")
    @Downstream(connection = "slack")
    public static class ClassLevelTools {

        @Tool
        public String inherited(DownstreamCredential crm, DownstreamCredential slack) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        public String overridden(DownstreamCredential calendar) {
            return null;
        }
    }

    @Downstream(connection = "crm")
    public static class SingleClassLevelTool {

        @Tool
        public String lookup(String id, DownstreamCredentials credentials) {
            return null;
        }
    }

    public static class BadDownstreamTools {

        @Tool
        @Downstream(resource = "calendar", connection = "github")
        public String both(DownstreamCredential credential) {
            return null;
        }

        @Tool
        @Downstream(scopes = "calendar.read")
        public String neither(DownstreamCredential credential) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        @Downstream(resource = "calendar", scopes = "calendar.write")
        public String twice(DownstreamCredentials credentials) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        @Downstream(connection = "calendar")
        public String resourceAndConnectionWithOneName(DownstreamCredentials credentials) {
            return null;
        }

        @Tool
        public String credentialWithoutDownstream(String text, DownstreamCredential credential) {
            return null;
        }

        @Tool
        public String credentialsWithoutDownstream(DownstreamCredentials credentials) {
            return null;
        }

        @Tool
        @Downstream(resource = "calendar")
        public String moreCredentialsThanTargets(DownstreamCredential first, DownstreamCredential second) {
            return null;
        }
    }

    @Downstream(resource = "crm", connection = "crm")
    public static class BadClassLevelTools {

        @Tool
        public String lookup(DownstreamCredential crm) {
            return null;
        }
    }

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
