package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolArg;
import dev.delegatemcp.api.interaction.McpRequest;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** {@link ToolDefinitionReader} and a hand-written {@link Tool#inputSchema()}. */
class ToolDefinitionReaderInputSchemaTest {

    public record Saved(String id) {
    }

    public static class SchemaTools {

        @Tool(description = "Saves a contact.", inputSchema = "contact-schema.json")
        public String relativeResource(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = "/dev/delegatemcp/server/feature/tool/contact-schema.json")
        public String absoluteResource(McpCaller caller, JsonObject arguments, McpRequest request) {
            return null;
        }

        @Tool(inputSchema = """
                {"type": "object", "properties": {"q": {"type": "string", "minLength": 2}}, "required": ["q"],
                 "unevaluatedProperties": false}
                """)
        public Saved text(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = "{\"type\": \"object\"}")
        public String noArgumentsParameter() {
            return null;
        }
    }

    public static class BadSchemaTools {

        @Tool(inputSchema = "missing-schema.json")
        public String missingResource(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = "{\"type\": \"object\",")
        public String notJson(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = "array-schema.json")
        public String notAnObject(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = "{\"type\": \"string\"}")
        public String notAnObjectSchema(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = "{\"properties\": {}}")
        public String noType(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = "{\"type\": \"object\", \"properties\": {\"q\": true}}")
        public String propertyNotAnObject(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = "{\"type\": \"object\", \"required\": \"q\"}")
        public String requiredNotAnArray(JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = "{\"type\": \"object\"}")
        public String typedArgument(JsonObject arguments, String query) {
            return null;
        }

        @Tool(inputSchema = "{\"type\": \"object\"}")
        public String annotatedArguments(@ToolArg(name = "all") JsonObject arguments) {
            return null;
        }

        @Tool(inputSchema = "{\"type\": \"object\"}")
        public String twoArgumentObjects(JsonObject arguments, JsonObject more) {
            return null;
        }
    }

    private static JsonObject contactSchema() throws IOException {
        try (InputStream in = SchemaTools.class.getResourceAsStream("contact-schema.json")) {
            return TestTools.json(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    private static InvalidToolException invalid(String method) {
        InvalidToolException e =
                assertThrows(InvalidToolException.class, () -> TestTools.read(BadSchemaTools.class, method));
        assertTrue(e.getMessage().contains(BadSchemaTools.class.getName() + "#" + method + "("), e.getMessage());
        return e;
    }

    @Test
    void schemaFromAResourceNextToTheBeanClassIsListedExactlyAsWritten() throws IOException {
        ToolDefinition tool = TestTools.read(SchemaTools.class, "relativeResource");
        JsonObject listed = TestTools.written(tool.descriptor()).getJsonObject("inputSchema");
        assertEquals(contactSchema(), listed);
        assertEquals("https://json-schema.org/draft/2020-12/schema", listed.getString("$schema"));
        assertEquals("addressDef", listed.getJsonObject("$defs").getJsonObject("address").getString("$anchor"));
        assertEquals(false, listed.getBoolean("additionalProperties"));
        assertTrue(listed.containsKey("if") && listed.containsKey("then") && listed.containsKey("else"));
        assertEquals("Saves a contact.", tool.descriptor().description());
    }

    @Test
    void schemaFromAnAbsoluteResourceNameIsTheSame() throws IOException {
        assertEquals(contactSchema(), TestTools.read(SchemaTools.class, "absoluteResource").descriptor().inputSchema());
    }

    @Test
    void schemaGivenAsJsonTextIsListedAsWritten() {
        JsonObject listed =
                TestTools.written(TestTools.read(SchemaTools.class, "text").descriptor()).getJsonObject("inputSchema");
        assertEquals(TestTools.json("{\"type\": \"object\", \"properties\": {\"q\": {\"type\": \"string\", "
                + "\"minLength\": 2}}, \"required\": [\"q\"], \"unevaluatedProperties\": false}"), listed);
    }

    @Test
    void theJsonObjectParameterReceivesAllArgumentsAndTheOthersKeepTheirRoles() {
        ToolDefinition tool = TestTools.read(SchemaTools.class, "absoluteResource");
        assertEquals(3, tool.parameters().size());
        assertInstanceOf(ToolParameter.Caller.class, tool.parameters().get(0));
        assertInstanceOf(ToolParameter.AllArguments.class, tool.parameters().get(1));
        assertInstanceOf(ToolParameter.Request.class, tool.parameters().get(2));
        assertEquals(List.of(), TestTools.read(SchemaTools.class, "noArgumentsParameter").parameters());
    }

    @Test
    void theOutputSchemaIsStillGeneratedFromTheReturnType() {
        JsonObject output = TestTools.read(SchemaTools.class, "text").outputSchema();
        assertEquals("object", output.getString("type"));
        assertTrue(output.getJsonObject("properties").containsKey("id"), output.toString());
        assertNull(TestTools.read(SchemaTools.class, "relativeResource").outputSchema());
    }

    @Test
    void aMissingResourceFailsNamingTheResourceAndWhereItWasLookedFor() {
        InvalidToolException e = invalid("missingResource");
        assertTrue(e.getMessage().contains("'missing-schema.json' is not on the classpath"), e.getMessage());
        assertTrue(e.getMessage().contains("dev.delegatemcp.server.feature.tool"), e.getMessage());
    }

    @Test
    void textThatIsNotJsonFails() {
        assertTrue(invalid("notJson").getMessage().contains("the inputSchema is not JSON"));
    }

    @Test
    void aSchemaThatIsNotAJsonObjectFails() {
        assertTrue(invalid("notAnObject").getMessage().contains("'array-schema.json' is not a JSON object"));
    }

    @Test
    void aSchemaWhoseTypeIsNotObjectFails() {
        assertTrue(invalid("notAnObjectSchema").getMessage().contains("must have \"type\": \"object\""));
        assertTrue(invalid("noType").getMessage().contains("must have \"type\": \"object\""));
    }

    @Test
    void propertiesThatAreNotSchemaObjectsAndRequiredThatIsNotAnArrayOfNamesFail() {
        assertTrue(invalid("propertyNotAnObject").getMessage().contains("\"properties\" must be an object of"));
        assertTrue(invalid("requiredNotAnArray").getMessage().contains("\"required\" must be an array of strings"));
    }

    @Test
    void anyOtherArgumentParameterFailsNamingIt() {
        assertTrue(invalid("typedArgument").getMessage().contains("parameter 'query' cannot be used with an "
                + "inputSchema"));
        assertTrue(invalid("annotatedArguments").getMessage().contains("parameter 'arguments' cannot be used"));
        assertTrue(invalid("twoArgumentObjects").getMessage().contains("parameter 'more' is a second JsonObject"));
    }
}
