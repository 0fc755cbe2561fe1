package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/**
 * {@code x-mcp-header} declarations read at deployment: {@link ToolArg#header()} and hand-written input schemas (MCP
 * 2026-07-28, Streamable HTTP, Custom Headers from Tool Parameters, Schema Extension).
 */
class ParameterHeaderDeclarationsTest {

    public enum Zone {
        NORTH, SOUTH
    }

    public static class HeaderTools {

        @Tool
        public String execute(@ToolArg(header = "Region") String region, String query,
                @ToolArg(header = "Priority") int priority, @ToolArg(header = "Dry-Run") boolean dryRun,
                @ToolArg(header = "Tenant") Optional<String> tenant, @ToolArg(header = "Zone") Zone zone,
                @ToolArg(header = "Shard") Long shard) {
            return null;
        }

        @Tool
        public String plain(String query) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {
                  "region": {"type": "string", "x-mcp-header": "Region"},
                  "filter": {"type": "object", "properties": {"tenant": {"type": ["string", "null"], "x-mcp-header": "Tenant"}}},
                  "tags": {"type": "array", "items": {"type": "string"}},
                  "choice": {"enum": [{"x-mcp-header": "data, not an annotation"}]},
                  "x-mcp-header": {"type": "string"}
                }}
                """)
        public String handWritten(JsonObject arguments) {
            return null;
        }
    }

    public static class BadHeaderTools {

        @Tool
        public String floating(@ToolArg(header = "Price") double price) {
            return null;
        }

        @Tool
        public String list(@ToolArg(header = "Tags") List<String> tags) {
            return null;
        }

        @Tool
        public String spaced(@ToolArg(header = "My Region") String region) {
            return null;
        }

        @Tool
        public String colon(@ToolArg(header = "Region:Primary") String region) {
            return null;
        }

        @Tool
        public String nonAscii(@ToolArg(header = "Région") String region) {
            return null;
        }

        @Tool
        public String duplicate(@ToolArg(header = "MyField") String one, @ToolArg(header = "myfield") String two) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {"tags": {"type": "array",
                  "items": {"type": "string", "x-mcp-header": "Tag"}}}}
                """)
        public String underItems(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {"target": {"oneOf": [
                  {"type": "string", "x-mcp-header": "Target"}, {"type": "integer"}]}}}
                """)
        public String underOneOf(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {"region": {"$ref": "#/$defs/region"}},
                 "$defs": {"region": {"type": "string", "x-mcp-header": "Region"}}}
                """)
        public String underRef(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "if": {"properties": {"a": {"type": "string", "x-mcp-header": "A"}}}}
                """)
        public String underIf(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {"nil": {"type": "null", "x-mcp-header": "Nil"}}}
                """)
        public String nullType(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {"data": {"type": "object", "x-mcp-header": "Data"}}}
                """)
        public String objectType(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {"value": {"type": "string", "x-mcp-header": ""}}}
                """)
        public String empty(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {"value": {"type": "string", "x-mcp-header": 7}}}
                """)
        public String notAString(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {"value": {"type": "string", "x-mcp-header": "Region\\t1"}}}
                """)
        public String controlCharacter(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {
                  "a": {"type": "string", "x-mcp-header": "Region"},
                  "nested": {"type": "object", "properties": {"b": {"type": "string", "x-mcp-header": "REGION"}}}}}
                """)
        public String duplicateNested(JsonObject arguments) {
            return null;
        }
    }

    private static InvalidToolException invalid(String method) {
        InvalidToolException e =
                assertThrows(InvalidToolException.class, () -> TestTools.read(BadHeaderTools.class, method));
        assertTrue(e.getMessage().contains(BadHeaderTools.class.getName() + "#" + method + "("), e.getMessage());
        return e;
    }

    private static JsonObject property(ToolDefinition tool, String name) {
        return TestTools.written(tool.descriptor()).getJsonObject("inputSchema").getJsonObject("properties")
                .getJsonObject(name);
    }

    @Test
    void aToolArgHeaderMarksItsPropertyWithXMcpHeader() {
        ToolDefinition tool = TestTools.read(HeaderTools.class, "execute");

        assertEquals("Region", property(tool, "region").getString("x-mcp-header"));
        assertEquals("Priority", property(tool, "priority").getString("x-mcp-header"));
        assertEquals("Dry-Run", property(tool, "dryRun").getString("x-mcp-header"));
        assertFalse(property(tool, "query").containsKey("x-mcp-header"));
    }

    @Test
    void stringIntegerAndBooleanArgumentsMayBeMirrored() {
        ToolDefinition tool = TestTools.read(HeaderTools.class, "execute");

        assertEquals(List.of("Region", "Priority", "Dry-Run", "Tenant", "Zone", "Shard"),
                tool.parameterHeaders().headers().stream().map(ParameterHeaders.Header::name).toList());
        assertEquals(List.of("region"), tool.parameterHeaders().headers().get(0).path());
    }

    @Test
    void aToolWithoutHeadersHasNone() {
        assertSame(ParameterHeaders.NONE, TestTools.read(HeaderTools.class, "plain").parameterHeaders());
    }

    @Test
    void aHandWrittenSchemaMayMirrorPropertiesReachableThroughPropertiesAlone() {
        ToolDefinition tool = TestTools.read(HeaderTools.class, "handWritten");

        assertEquals(List.of(new ParameterHeaders.Header("Region", List.of("region")),
                new ParameterHeaders.Header("Tenant", List.of("filter", "tenant"))),
                tool.parameterHeaders().headers());
    }

    @Test
    void aFloatingPointArgumentCannotBeMirrored() {
        assertTrue(invalid("floating").getMessage().contains("string, integer or boolean"));
    }

    @Test
    void aListArgumentCannotBeMirrored() {
        assertTrue(invalid("list").getMessage().contains("string, integer or boolean"));
    }

    @Test
    void aHeaderNameMustBeAnHttpToken() {
        assertTrue(invalid("spaced").getMessage().contains("is not an HTTP token"));
        assertTrue(invalid("colon").getMessage().contains("is not an HTTP token"));
        assertTrue(invalid("nonAscii").getMessage().contains("is not an HTTP token"));
    }

    @Test
    void aControlCharacterInAHeaderNameIsShownEscaped() {
        String message = invalid("controlCharacter").getMessage();

        assertTrue(message.contains("Region\\u00091"), message);
    }

    @Test
    void headerNamesMustDifferIgnoringCase() {
        String message = invalid("duplicate").getMessage();

        assertTrue(message.contains("\"myfield\"") && message.contains("\"MyField\""), message);
        assertTrue(invalid("duplicateNested").getMessage().contains("must differ ignoring case"));
    }

    @Test
    void aHeaderUnderItemsOneOfRefOrIfIsRefused() {
        for (String method : List.of("underItems", "underOneOf", "underRef", "underIf")) {
            String message = invalid(method).getMessage();
            assertTrue(message.contains("reachable from the schema root through \"properties\" alone"), message);
        }
        assertTrue(invalid("underItems").getMessage().contains("/properties/tags/items"));
    }

    @Test
    void aHeaderOnANullOrObjectPropertyIsRefused() {
        assertTrue(invalid("nullType").getMessage().contains("string, integer or boolean"));
        assertTrue(invalid("objectType").getMessage().contains("string, integer or boolean"));
    }

    @Test
    void aHeaderNameMustBeANonEmptyString() {
        assertTrue(invalid("empty").getMessage().contains("non-empty string"));
        assertTrue(invalid("notAString").getMessage().contains("non-empty string"));
    }
}
