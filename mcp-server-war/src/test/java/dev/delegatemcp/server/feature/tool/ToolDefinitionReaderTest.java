package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.ToolResponse;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class ToolDefinitionReaderTest {

    // --- test beans ---------------------------------------------------------------------------------------------

    public enum Level { LOW, HIGH }

    public record Summary(String title, int count, Optional<String> note) {
    }

    public static class GoodTools {

        @Tool
        public String plain(String text) {
            return text;
        }

        @Tool(name = "search_docs", title = "Search docs", description = "Searches the docs.",
                scopes = {"docs.read", "docs.search"},
                annotations = @Tool.Annotations(readOnlyHint = true, destructiveHint = false, idempotentHint = true,
                        openWorldHint = false))
        public Summary search(McpCaller caller,
                @ToolArg(description = "What to look for") String query,
                @ToolArg(name = "max_results", description = "How many", defaultValue = "10") int limit,
                @ToolArg(required = false) Level level,
                Optional<List<String>> tags,
                OptionalInt page) {
            return null;
        }

        @Tool
        public void nothing() {
        }

        @Tool
        public Content picture() {
            return null;
        }

        @Tool
        public Content.Text textItem() {
            return null;
        }

        @Tool
        public ToolResponse response() {
            return null;
        }

        @Tool
        public List<Content> contents() {
            return null;
        }

        @Tool
        public List<Summary> summaries() {
            return null;
        }

        @Tool
        public Map<String, Integer> counts() {
            return null;
        }

        @Tool
        public int number() {
            return 0;
        }

        @Tool
        public String defaults(@ToolArg(defaultValue = "hello") String bare,
                @ToolArg(defaultValue = "\"quoted\"") String quoted,
                @ToolArg(defaultValue = "HIGH") Level level,
                @ToolArg(defaultValue = "true") boolean flag,
                @ToolArg(defaultValue = "[\"a\",\"b\"]") List<String> list,
                @ToolArg(defaultValue = "2024-01-31") java.time.LocalDate day) {
            return null;
        }
    }

    public static class BadTools {

        @Tool(name = "has space")
        public String spaced() {
            return null;
        }

        @Tool(name = "slash/name")
        public String slashed() {
            return null;
        }

        @Tool(name = "n123456789n123456789n123456789n123456789n123456789n123456789n123456789n123456789"
                + "n123456789n123456789n123456789n123456789n12345678")
        public String tooLong() {
            return null;
        }

        @Tool
        public String unsupported(String fine, Object payload) {
            return null;
        }

        @Tool
        public String duplicate(@ToolArg(name = "q") String first, @ToolArg(name = "q") String second) {
            return null;
        }

        @Tool
        public String duplicateImplicit(String text, @ToolArg(name = "text") String other) {
            return null;
        }

        @Tool
        public String badDefault(@ToolArg(defaultValue = "lots") int count) {
            return null;
        }

        @Tool
        public String outOfRangeDefault(@ToolArg(defaultValue = "300") byte small) {
            return null;
        }

        @Tool
        public String badEnumDefault(@ToolArg(defaultValue = "MEDIUM") Level level) {
            return null;
        }

        @Tool
        public Object unsupportedReturn() {
            return null;
        }

        @Tool
        public static String staticTool() {
            return null;
        }

        @Tool
        String packagePrivate() {
            return null;
        }
    }

    /** Exactly 128 characters is the longest valid name. */
    public static class LongestName {
        @Tool(name = "n123456789n123456789n123456789n123456789n123456789n123456789n123456789n123456789"
                + "n123456789n123456789n123456789n123456789n1234567")
        public String longest() {
            return null;
        }

        @Tool(name = "a.b-c_D9")
        public String punctuated() {
            return null;
        }
    }

    private static ToolDefinition read(Class<?> type, String name) {
        return TestTools.read(type, name);
    }

    private static InvalidToolException invalid(Class<?> type, String name) {
        return assertThrows(InvalidToolException.class, () -> read(type, name));
    }

    private static void assertNamesMethod(InvalidToolException e, Class<?> type, String method) {
        assertTrue(e.getMessage().contains(type.getName()), e.getMessage());
        assertTrue(e.getMessage().contains("#" + method + "("), e.getMessage());
    }

    // --- names --------------------------------------------------------------------------------------------------

    @Test
    void nameDefaultsToMethodName() {
        ToolDefinition tool = read(GoodTools.class, "plain");
        assertEquals("plain", tool.name());
        assertEquals("plain", TestTools.written(tool.descriptor()).getString("name"));
    }

    @Test
    void descriptionDefaultsToNameAndTitleIsOmittedWhenEmpty() {
        JsonObject descriptor = TestTools.written(read(GoodTools.class, "plain").descriptor());
        assertEquals("plain", descriptor.getString("description"));
        assertFalse(descriptor.containsKey("title"));
        assertFalse(descriptor.getJsonObject("annotations").containsKey("title"));
    }

    @Test
    void explicitNameTitleAndDescriptionAreUsed() {
        ToolDefinition tool = read(GoodTools.class, "search");
        assertEquals("search_docs", tool.name());
        JsonObject descriptor = TestTools.written(tool.descriptor());
        assertEquals("search_docs", descriptor.getString("name"));
        assertEquals("Search docs", descriptor.getString("title"));
        assertEquals("Searches the docs.", descriptor.getString("description"));
    }

    @Test
    void nameWithSpaceIsInvalidAndMessageNamesClassAndMethod() {
        InvalidToolException e = invalid(BadTools.class, "spaced");
        assertNamesMethod(e, BadTools.class, "spaced");
        assertTrue(e.getMessage().contains("'has space'"), e.getMessage());
    }

    @Test
    void nameWithSlashIsInvalid() {
        assertNamesMethod(invalid(BadTools.class, "slashed"), BadTools.class, "slashed");
    }

    @Test
    void nameLongerThan128CharactersIsInvalid() {
        assertEquals(129, TestTools.method(BadTools.class, "tooLong").getAnnotation(Tool.class).name().length());
        assertNamesMethod(invalid(BadTools.class, "tooLong"), BadTools.class, "tooLong");
    }

    @Test
    void nameOf128CharactersAndPunctuationAreValid() {
        assertEquals(128, read(LongestName.class, "longest").name().length());
        assertEquals("a.b-c_D9", read(LongestName.class, "punctuated").name());
    }

    @Test
    void staticOrNonPublicMethodIsInvalid() {
        assertNamesMethod(invalid(BadTools.class, "staticTool"), BadTools.class, "staticTool");
        assertNamesMethod(invalid(BadTools.class, "packagePrivate"), BadTools.class, "packagePrivate");
    }

    // --- parameters ---------------------------------------------------------------------------------------------

    @Test
    void unsupportedParameterTypeNamesMethodAndParameter() {
        InvalidToolException e = invalid(BadTools.class, "unsupported");
        assertNamesMethod(e, BadTools.class, "unsupported");
        assertTrue(e.getMessage().contains("parameter 'payload'"), e.getMessage());
        assertFalse(e.getMessage().contains("parameter 'fine'"), e.getMessage());
    }

    @Test
    void duplicateParameterNamesAreInvalid() {
        InvalidToolException e = invalid(BadTools.class, "duplicate");
        assertNamesMethod(e, BadTools.class, "duplicate");
        assertTrue(e.getMessage().contains("'q'"), e.getMessage());
        assertNamesMethod(invalid(BadTools.class, "duplicateImplicit"), BadTools.class, "duplicateImplicit");
    }

    @Test
    void parameterNamesComeFromTheCompiledParameterNames() {
        JsonObject input = TestTools.written(read(GoodTools.class, "plain").descriptor()).getJsonObject("inputSchema");
        assertEquals("object", input.getString("type"));
        assertEquals(Set.of("text"), input.getJsonObject("properties").keySet());
        assertEquals(Json.createArrayBuilder().add("text").build(), input.getJsonArray("required"));
    }

    @Test
    void callerParameterIsExcludedFromInputSchemaButKeptAsParameter() {
        ToolDefinition tool = read(GoodTools.class, "search");
        JsonObject properties =
                TestTools.written(tool.descriptor()).getJsonObject("inputSchema").getJsonObject("properties");
        assertEquals(Set.of("query", "max_results", "level", "tags", "page"), properties.keySet());
        assertEquals(6, tool.parameters().size());
        assertInstanceOf(ToolParameter.Caller.class, tool.parameters().get(0));
        assertInstanceOf(ToolParameter.Argument.class, tool.parameters().get(1));
    }

    @Test
    void toolArgNameDescriptionAndDefaultAppearInTheSchema() {
        JsonObject properties =
                TestTools.written(read(GoodTools.class, "search").descriptor()).getJsonObject("inputSchema")
                        .getJsonObject("properties");
        assertEquals("What to look for", properties.getJsonObject("query").getString("description"));
        JsonObject limit = properties.getJsonObject("max_results");
        assertEquals("How many", limit.getString("description"));
        assertEquals(10, limit.getInt("default"));
        assertEquals("integer", limit.getString("type"));
        assertFalse(properties.getJsonObject("level").containsKey("description"));
        assertFalse(properties.containsKey("limit"));
    }

    @Test
    void onlyArgumentsWithoutDefaultNotOptionalAndNotMarkedOptionalAreRequired() {
        ToolDefinition tool = read(GoodTools.class, "search");
        JsonArray required = TestTools.written(tool.descriptor()).getJsonObject("inputSchema").getJsonArray("required");
        assertEquals(Json.createArrayBuilder().add("query").build(), required);
        ToolParameter.Argument limit = (ToolParameter.Argument) tool.parameters().get(2);
        assertEquals("max_results", limit.name());
        assertFalse(limit.required());
        assertEquals(Json.createValue(10), limit.defaultValue());
        ToolParameter.Argument level = (ToolParameter.Argument) tool.parameters().get(3);
        assertFalse(level.required());
        assertNull(level.defaultValue());
        assertFalse(((ToolParameter.Argument) tool.parameters().get(4)).required());
        assertFalse(((ToolParameter.Argument) tool.parameters().get(5)).required());
    }

    @Test
    void noRequiredMemberWhenNothingIsRequired() {
        JsonObject input =
                TestTools.written(read(GoodTools.class, "nothing").descriptor()).getJsonObject("inputSchema");
        assertFalse(input.containsKey("required"));
        assertEquals(JsonObject.EMPTY_JSON_OBJECT, input.getJsonObject("properties"));
    }

    @Test
    void optionalParameterHasTheSchemaOfItsContent() {
        JsonObject tags = TestTools.written(read(GoodTools.class, "search").descriptor()).getJsonObject("inputSchema")
                .getJsonObject("properties").getJsonObject("tags");
        assertEquals("array", tags.getString("type"));
        assertEquals("string", tags.getJsonObject("items").getString("type"));
    }

    @Test
    void defaultValuesAreParsedAsJsonOrBareStrings() {
        JsonObject properties =
                TestTools.written(read(GoodTools.class, "defaults").descriptor()).getJsonObject("inputSchema")
                        .getJsonObject("properties");
        assertEquals(Json.createValue("hello"), properties.get("bare").asJsonObject().get("default"));
        assertEquals(Json.createValue("quoted"), properties.get("quoted").asJsonObject().get("default"));
        assertEquals(Json.createValue("HIGH"), properties.get("level").asJsonObject().get("default"));
        assertEquals(JsonValue.TRUE, properties.get("flag").asJsonObject().get("default"));
        assertEquals(Json.createArrayBuilder().add("a").add("b").build(),
                properties.get("list").asJsonObject().get("default"));
        assertEquals(Json.createValue("2024-01-31"), properties.get("day").asJsonObject().get("default"));
    }

    @Test
    void defaultValueOfWrongTypeIsInvalidAndNamesParameter() {
        InvalidToolException e = invalid(BadTools.class, "badDefault");
        assertNamesMethod(e, BadTools.class, "badDefault");
        assertTrue(e.getMessage().contains("default value of parameter 'count'"), e.getMessage());
        assertTrue(e.getMessage().contains("expected integer"), e.getMessage());
    }

    @Test
    void defaultValueOutOfRangeIsInvalid() {
        InvalidToolException e = invalid(BadTools.class, "outOfRangeDefault");
        assertTrue(e.getMessage().contains("'small'"), e.getMessage());
        assertTrue(e.getMessage().contains("at most 127"), e.getMessage());
    }

    @Test
    void defaultValueOutsideEnumIsInvalid() {
        InvalidToolException e = invalid(BadTools.class, "badEnumDefault");
        assertTrue(e.getMessage().contains("must be one of"), e.getMessage());
    }

    // --- output -------------------------------------------------------------------------------------------------

    @Test
    void recordReturnHasOutputSchemaWithOnlyPrimitivesRequired() {
        ToolDefinition tool = read(GoodTools.class, "search");
        JsonObject output = TestTools.written(tool.descriptor()).getJsonObject("outputSchema");
        assertNotNull(output);
        assertEquals(output, tool.outputSchema());
        assertEquals("object", output.getString("type"));
        assertEquals(Set.of("title", "count", "note"), output.getJsonObject("properties").keySet());
        assertEquals(Json.createArrayBuilder().add("count").build(), output.getJsonArray("required"));
    }

    @Test
    void textContentVoidAndNonObjectReturnsHaveNoOutputSchema() {
        for (String name : List.of("plain", "nothing", "picture", "textItem", "response", "contents", "summaries",
                "counts", "number")) {
            ToolDefinition tool = read(GoodTools.class, name);
            assertNull(tool.outputSchema(), name);
            assertFalse(TestTools.written(tool.descriptor()).containsKey("outputSchema"), name);
        }
    }

    @Test
    void unsupportedReturnTypeIsInvalid() {
        InvalidToolException e = invalid(BadTools.class, "unsupportedReturn");
        assertNamesMethod(e, BadTools.class, "unsupportedReturn");
        assertTrue(e.getMessage().contains("return type"), e.getMessage());
    }

    // --- annotations and scopes ---------------------------------------------------------------------------------

    @Test
    void annotationsObjectCarriesHintsAndTitle() {
        JsonObject annotations =
                TestTools.written(read(GoodTools.class, "search").descriptor()).getJsonObject("annotations");
        assertEquals("Search docs", annotations.getString("title"));
        assertTrue(annotations.getBoolean("readOnlyHint"));
        assertFalse(annotations.getBoolean("destructiveHint"));
        assertTrue(annotations.getBoolean("idempotentHint"));
        assertFalse(annotations.getBoolean("openWorldHint"));
    }

    @Test
    void annotationsDefaultToSpecificationDefaults() {
        JsonObject annotations =
                TestTools.written(read(GoodTools.class, "plain").descriptor()).getJsonObject("annotations");
        assertFalse(annotations.getBoolean("readOnlyHint"));
        assertTrue(annotations.getBoolean("destructiveHint"));
        assertFalse(annotations.getBoolean("idempotentHint"));
        assertTrue(annotations.getBoolean("openWorldHint"));
    }

    @Test
    void scopesBecomeRequiredScopes() {
        assertEquals(Set.of("docs.read", "docs.search"), read(GoodTools.class, "search").requiredScopes());
        assertEquals(Set.of(), read(GoodTools.class, "plain").requiredScopes());
    }

    @Test
    void definitionKeepsBeanClassMethodAndReference() {
        ToolDefinition tool = read(GoodTools.class, "plain");
        assertEquals(GoodTools.class, tool.beanClass());
        assertEquals(TestTools.method(GoodTools.class, "plain"), tool.method());
        assertEquals(GoodTools.class.getName() + "#plain(String)", tool.methodReference());
    }
}
