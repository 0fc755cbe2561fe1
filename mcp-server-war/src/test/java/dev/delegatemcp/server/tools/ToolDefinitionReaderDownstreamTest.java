package dev.delegatemcp.server.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.DownstreamCredentials;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import jakarta.json.Json;
import jakarta.json.JsonObject;

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

    private static InvalidToolException invalid(Class<?> type, String name) {
        InvalidToolException e = assertThrows(InvalidToolException.class, () -> read(type, name));
        assertTrue(e.getMessage().contains(type.getName() + "#" + name + "("), e.getMessage());
        return e;
    }

    private static JsonObject inputSchema(ToolDefinition tool) {
        return tool.descriptor().getJsonObject("inputSchema");
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

    // --- targets ------------------------------------------------------------------------------------------------

    @Test
    void singleDownstreamIsTheOnlyTarget() {
        assertEquals(List.of("calendar"), read(DownstreamTools.class, "events").downstreamTargets());
    }

    @Test
    void repeatedDownstreamListsResourcesAndConnectionsInDeclarationOrder() {
        assertEquals(List.of("calendar", "github", "drive"), read(DownstreamTools.class, "several").downstreamTargets());
        assertEquals(List.of("github", "calendar"), read(DownstreamTools.class, "twoCredentials").downstreamTargets());
    }

    @Test
    void toolWithoutDownstreamHasNoTargets() {
        assertEquals(List.of(), read(DownstreamTools.class, "plain").downstreamTargets());
    }

    @Test
    void downstreamWithoutCredentialParameterIsAllowed() {
        assertEquals(List.of("calendar"), read(DownstreamTools.class, "noCredentialParameter").downstreamTargets());
    }

    @Test
    void fewerCredentialParametersThanTargetsIsAllowed() {
        assertEquals(List.of("calendar", "drive"),
                read(DownstreamTools.class, "fewerCredentialsThanTargets").downstreamTargets());
    }

    @Test
    void classLevelDownstreamAppliesWhenTheMethodHasNone() {
        assertEquals(List.of("crm", "slack"), read(ClassLevelTools.class, "inherited").downstreamTargets());
        assertEquals(List.of("crm"), read(SingleClassLevelTool.class, "lookup").downstreamTargets());
    }

    @Test
    void methodLevelDownstreamReplacesTheClassLevelOnes() {
        assertEquals(List.of("calendar"), read(ClassLevelTools.class, "overridden").downstreamTargets());
    }

    @Test
    void targetNameIsTheResourceOrTheConnection() {
        List<Downstream> targets = List.of(TestTools.method(DownstreamTools.class, "several").getAnnotationsByType(Downstream.class));
        assertEquals(List.of("calendar", "github", "drive"), targets.stream().map(ToolDefinitionReader::targetName)
                .toList());
    }

    @Test
    void credentialParametersDoNotChangeTheRestOfTheDescriptor() {
        JsonObject descriptor = read(DownstreamTools.class, "events").descriptor();
        assertEquals("events", descriptor.getString("name"));
        assertEquals("The day", inputSchema(read(DownstreamTools.class, "events")).getJsonObject("properties")
                .getJsonObject("day").getString("description"));
        assertEquals(Set.of("name", "description", "inputSchema", "annotations"), descriptor.keySet());
    }

    // --- invalid ------------------------------------------------------------------------------------------------

    @Test
    void downstreamWithResourceAndConnectionIsInvalid() {
        InvalidToolException e = invalid(BadDownstreamTools.class, "both");
        assertTrue(e.getMessage().contains("exactly one of resource or connection"), e.getMessage());
    }

    @Test
    void downstreamWithNeitherResourceNorConnectionIsInvalid() {
        InvalidToolException e = invalid(BadDownstreamTools.class, "neither");
        assertTrue(e.getMessage().contains("exactly one of resource or connection"), e.getMessage());
    }

    @Test
    void classLevelDownstreamWithResourceAndConnectionIsInvalid() {
        InvalidToolException e = invalid(BadClassLevelTools.class, "lookup");
        assertTrue(e.getMessage().contains("exactly one of resource or connection"), e.getMessage());
    }

    @Test
    void sameTargetTwiceIsInvalid() {
        InvalidToolException e = invalid(BadDownstreamTools.class, "twice");
        assertTrue(e.getMessage().contains("'calendar' is declared twice"), e.getMessage());
    }

    @Test
    void resourceAndConnectionWithTheSameNameAreTheSameTargetTwice() {
        InvalidToolException e = invalid(BadDownstreamTools.class, "resourceAndConnectionWithOneName");
        assertTrue(e.getMessage().contains("'calendar' is declared twice"), e.getMessage());
    }

    @Test
    void credentialParameterWithoutDownstreamIsInvalid() {
        InvalidToolException e = invalid(BadDownstreamTools.class, "credentialWithoutDownstream");
        assertTrue(e.getMessage().contains("declares no @Downstream target"), e.getMessage());
    }

    @Test
    void credentialsParameterWithoutDownstreamIsInvalid() {
        InvalidToolException e = invalid(BadDownstreamTools.class, "credentialsWithoutDownstream");
        assertTrue(e.getMessage().contains("declares no @Downstream target"), e.getMessage());
    }

    @Test
    void moreCredentialParametersThanTargetsIsInvalid() {
        InvalidToolException e = invalid(BadDownstreamTools.class, "moreCredentialsThanTargets");
        assertTrue(e.getMessage().contains("2 DownstreamCredential and RemoteMcpServer parameters"), e.getMessage());
        assertTrue(e.getMessage().contains("1 @Downstream targets"), e.getMessage());
    }
}
