package dev.delegatemcp.server.feature.tool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.Tool;
import dev.delegatemcp.api.ToolResponse;
import dev.delegatemcp.server.schema.SchemaValidator;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.mcp.CallToolResult;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.annotation.JsonbProperty;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ToolResultMapperTest {

    public record Weather(String city, double celsius, Optional<String> note) {
    }

    /** A POJO whose getter renames its property for JSON-B. */
    public static class Counter {
        private int count;

        public Counter() {
        }

        Counter(int count) {
            this.count = count;
        }

        @JsonbProperty("total")
        public int getCount() {
            return count;
        }

        public void setCount(int count) {
            this.count = count;
        }
    }

    public static class Tools {
        @Tool
        public Counter counter() {
            return null;
        }

        @Tool
        public String text() {
            return null;
        }

        @Tool
        public Weather weather() {
            return null;
        }

        @Tool
        public Content content() {
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
        public void nothing() {
        }

        @Tool
        public List<String> names() {
            return null;
        }

        @Tool
        public int number() {
            return 0;
        }
    }

    private static Jsonb jsonb;
    private static ToolResultMapper mapper;

    @BeforeAll
    static void createMapper() {
        jsonb = JsonbBuilder.create();
        mapper = new ToolResultMapper(jsonb);
    }

    @AfterAll
    static void closeJsonb() throws Exception {
        jsonb.close();
    }

    private static ToolDefinition tool(String name) {
        return TestTools.read(Tools.class, name);
    }

    private static JsonObject parse(String text) {
        return TestTools.json(text);
    }

    /** What the mapper returns, as the client reads it. */
    private JsonObject success(ToolDefinition tool, Object value) {
        return written(mapper.success(tool, value));
    }

    private static JsonObject error(String sentence) {
        return written(CallToolResult.error(sentence));
    }

    private static JsonObject written(CallToolResult result) {
        return WireJson.jsonb().fromJson(WireJson.toJson(result), JsonObject.class);
    }

    private static JsonObject onlyItem(JsonObject result) {
        JsonArray content = result.getJsonArray("content");
        assertEquals(1, content.size(), result.toString());
        return content.getJsonObject(0);
    }

    @Test
    void stringBecomesOneTextItem() {
        JsonObject result = success(tool("text"), "hello");
        assertEquals(Json.createObjectBuilder().add("type", "text").add("text", "hello").build(), onlyItem(result));
        assertFalse(result.getBoolean("isError"));
        assertFalse(result.containsKey("structuredContent"));
    }

    @Test
    void recordBecomesStructuredContentMirroredAsText() {
        JsonObject result = success(tool("weather"), new Weather("Oslo", -3.5, Optional.of("snow")));
        JsonObject structured = result.getJsonObject("structuredContent");
        assertEquals("Oslo", structured.getString("city"));
        assertEquals(-3.5, structured.getJsonNumber("celsius").doubleValue());
        assertEquals("snow", structured.getString("note"));
        JsonObject item = onlyItem(result);
        assertEquals("text", item.getString("type"));
        assertEquals(structured, parse(item.getString("text")));
        assertFalse(result.getBoolean("isError"));
    }

    @Test
    void structuredContentMatchesTheOutputSchema() {
        ToolDefinition tool = tool("weather");
        JsonObject result = success(tool, new Weather("Oslo", 1, Optional.empty()));
        assertEquals(Optional.empty(),
                SchemaValidator.firstProblem(result.getJsonObject("structuredContent"), tool.outputSchema(), ""));
    }

    @Test
    void textContentIsSentAsIs() {
        assertEquals(Json.createObjectBuilder().add("type", "text").add("text", "t").build(),
                onlyItem(success(tool("content"), Content.text("t"))));
    }

    @Test
    void imageHasBase64DataAndMimeType() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G'};
        JsonObject item = onlyItem(success(tool("content"), Content.image(png, "image/png")));
        assertEquals("image", item.getString("type"));
        assertEquals("image/png", item.getString("mimeType"));
        assertEquals(Base64.getEncoder().encodeToString(png), item.getString("data"));
        assertEquals(3, item.size());
    }

    @Test
    void audioHasBase64DataAndMimeType() {
        byte[] wav = "RIFF".getBytes(StandardCharsets.US_ASCII);
        JsonObject item = onlyItem(success(tool("content"), Content.audio(wav, "audio/wav")));
        assertEquals("audio", item.getString("type"));
        assertEquals("audio/wav", item.getString("mimeType"));
        assertEquals(Base64.getEncoder().encodeToString(wav), item.getString("data"));
    }

    @Test
    void textResourceIsNestedUnderResource() {
        JsonObject item = onlyItem(success(tool("content"),
                Content.resource("file:///report.md", "text/markdown", "# Report")));
        assertEquals("resource", item.getString("type"));
        JsonObject resource = item.getJsonObject("resource");
        assertEquals("file:///report.md", resource.getString("uri"));
        assertEquals("text/markdown", resource.getString("mimeType"));
        assertEquals("# Report", resource.getString("text"));
        assertFalse(resource.containsKey("blob"));
    }

    @Test
    void binaryResourceHasBlobAndOmitsMissingMimeType() {
        byte[] bytes = {1, 2, 3};
        JsonObject resource = onlyItem(success(tool("content"), Content.resource("urn:x", null, bytes)))
                .getJsonObject("resource");
        assertEquals(Base64.getEncoder().encodeToString(bytes), resource.getString("blob"));
        assertFalse(resource.containsKey("text"));
        assertFalse(resource.containsKey("mimeType"));
    }

    @Test
    void toolResponseKeepsItsContentAndIsError() {
        JsonObject result = success(tool("response"), ToolResponse.error("Not allowed"));
        assertTrue(result.getBoolean("isError"));
        assertEquals("Not allowed", onlyItem(result).getString("text"));

        JsonObject ok = success(tool("response"), ToolResponse.of(Content.text("a"), Content.text("b")));
        assertFalse(ok.getBoolean("isError"));
        assertEquals(2, ok.getJsonArray("content").size());
    }

    @Test
    void contentListBecomesItemsInOrder() {
        JsonObject result = success(tool("contents"),
                List.of(Content.text("first"), Content.image(new byte[] {1}, "image/gif")));
        JsonArray content = result.getJsonArray("content");
        assertEquals(2, content.size());
        assertEquals("first", content.getJsonObject(0).getString("text"));
        assertEquals("image", content.getJsonObject(1).getString("type"));
        assertFalse(result.containsKey("structuredContent"));
    }

    @Test
    void nullAndVoidBecomeEmptyContent() {
        for (String name : List.of("nothing", "text", "contents")) {
            JsonObject result = success(tool(name), null);
            assertEquals(JsonArray.EMPTY_JSON_ARRAY, result.getJsonArray("content"), name);
            assertFalse(result.getBoolean("isError"));
            assertFalse(result.containsKey("structuredContent"));
        }
    }

    @Test
    void nullFromToolWithOutputSchemaIsErrorOrStructured() {
        ToolDefinition tool = tool("weather");
        JsonObject result = success(tool, null);
        assertTrue(result.getBoolean("isError") || result.containsKey("structuredContent"), result.toString());
    }

    @Test
    void pojoStructuredContentMatchesOutputSchemaWhenGetterRenamesProperty() {
        ToolDefinition tool = tool("counter");
        JsonObject result = success(tool, new Counter(3));
        assertEquals(3, result.getJsonObject("structuredContent").getInt("total"));
        assertEquals(Optional.empty(),
                SchemaValidator.firstProblem(result.getJsonObject("structuredContent"), tool.outputSchema(), ""));
    }

    @Test
    void nonObjectValuesBecomeJsonTextWithoutStructuredContent() {
        JsonObject result = success(tool("names"), List.of("a", "b"));
        assertEquals("[\"a\",\"b\"]", onlyItem(result).getString("text"));
        assertFalse(result.containsKey("structuredContent"));
        assertEquals("42", onlyItem(success(tool("number"), 42)).getString("text"));
    }

    @Test
    void errorIsOneTextItemWithIsErrorTrue() {
        JsonObject result = error("Something went wrong");
        assertTrue(result.getBoolean("isError"));
        assertEquals(Json.createObjectBuilder().add("type", "text").add("text", "Something went wrong").build(),
                onlyItem(result));
    }
}
