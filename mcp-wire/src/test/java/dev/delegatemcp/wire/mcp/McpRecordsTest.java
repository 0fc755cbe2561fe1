package dev.delegatemcp.wire.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import dev.delegatemcp.wire.jsonrpc.JsonRpcReply;
import dev.delegatemcp.wire.jsonrpc.JsonRpcRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/** The records write and read the exact shapes of the MCP 2025-11-25 schema. */
class McpRecordsTest {

    @Test
    void aToolResultWritesIsErrorByItsSchemaNameAndLeavesOutAbsentStructuredContent() {
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"hi\"}],\"isError\":false}",
                WireJson.toJson(new CallToolResult(List.of(new ContentBlock.Text("hi")), false, null)));
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"no\"}],\"isError\":true}",
                WireJson.toJson(CallToolResult.error("no")));
    }

    @Test
    void contentBlocksAreKeyedByTypeBothWays() {
        List<ContentBlock> blocks = List.of(new ContentBlock.Text("t"), new ContentBlock.Image("aW1n", "image/png"),
                new ContentBlock.Audio("YXU=", "audio/wav"), new ContentBlock.EmbeddedResource(
                        new ContentBlock.ResourceContents("file:///a.txt", "text/plain", "A", null)));
        String json = WireJson.toJson(new CallToolResult(blocks, false,
                Json.createObjectBuilder().add("n", 1).build()));
        assertEquals("{\"content\":[{\"type\":\"text\",\"text\":\"t\"},"
                + "{\"type\":\"image\",\"data\":\"aW1n\",\"mimeType\":\"image/png\"},"
                + "{\"type\":\"audio\",\"data\":\"YXU=\",\"mimeType\":\"audio/wav\"},"
                + "{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///a.txt\",\"mimeType\":\"text/plain\",\"text\":\"A\"}}],"
                + "\"isError\":false,\"structuredContent\":{\"n\":1}}", json);
        CallToolResult read = WireJson.fromJson(json, CallToolResult.class);
        assertEquals(blocks, read.content());
        assertEquals(1, read.structuredContent().getInt("n"));
    }

    @Test
    void aResourceLinkIsKeyedByItsSchemaTypeAndReadWithoutItsUnmodelledMembers() {
        ContentBlock link = new ContentBlock.ResourceLink("https://crm.example/c/1", "customer-1", "Customer 1", null,
                "application/json", 42L);
        String json = WireJson.toJson(link);
        assertEquals("{\"type\":\"resource_link\",\"uri\":\"https://crm.example/c/1\",\"name\":\"customer-1\","
                + "\"title\":\"Customer 1\",\"mimeType\":\"application/json\",\"size\":42}", json);
        assertEquals(link, WireJson.fromJson(json, ContentBlock.class));
        assertEquals(new ContentBlock.ResourceLink("file:///a", "a", null, null, null, null), WireJson.fromJson(
                "{\"type\":\"resource_link\",\"uri\":\"file:///a\",\"name\":\"a\",\"annotations\":{\"priority\":1}}",
                ContentBlock.class));
    }

    @Test
    void aToolDescriptorKeepsTheSchemaOrderAndLeavesOutNullMembers() {
        Tool tool = new Tool("echo", null, "Echoes", Json.createObjectBuilder().add("type", "object").build(), null,
                new ToolAnnotations(null, true, false, true, false));
        assertEquals("{\"name\":\"echo\",\"description\":\"Echoes\",\"inputSchema\":{\"type\":\"object\"},"
                + "\"annotations\":{\"readOnlyHint\":true,\"destructiveHint\":false,\"idempotentHint\":true,"
                + "\"openWorldHint\":false}}", WireJson.toJson(tool));
    }

    @Test
    void anInitializeResultKeepsCapabilitiesInTheOrderFeaturesGaveThem() {
        Map<String, Object> capabilities = new LinkedHashMap<>();
        capabilities.put("tools", Json.createObjectBuilder().add("listChanged", false).build());
        capabilities.put("logging", JsonValue.EMPTY_JSON_OBJECT);
        assertEquals("{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{\"listChanged\":false},"
                + "\"logging\":{}},\"serverInfo\":{\"name\":\"s\",\"version\":\"1\"}}",
                WireJson.toJson(new InitializeResult("2025-11-25", capabilities, Implementation.of("s", "1"), null)));
    }

    @Test
    void aReceivedResponseIsReadAndItsResultBoundToTheMethodsResultRecord() {
        JsonRpcReply reply = WireJson.fromJson("{\"jsonrpc\":\"2.0\",\"id\":3,\"result\":"
                + "{\"tools\":[{\"name\":\"a\",\"inputSchema\":{\"type\":\"object\"}}],\"nextCursor\":\"c2\"}}",
                JsonRpcReply.class);
        ListToolsResult result = WireJson.fromJson(reply.result(), ListToolsResult.class);
        assertEquals("a", result.tools().get(0).name());
        assertEquals("c2", result.nextCursor());
        assertEquals(3, ((jakarta.json.JsonNumber) reply.id()).intValue());
        assertEquals(null, reply.error());
    }

    @Test
    void aRequestAndAUrlElicitationErrorAreWrittenAsTheSchemaSaysWithTheEnvelopeFirst() {
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":{\"name\":\"t\","
                + "\"arguments\":{}}}",
                WireJson.toJson(JsonRpcRequest.of(Json.createValue(1), McpMethods.TOOLS_CALL,
                        new CallToolParams("t", JsonValue.EMPTY_JSON_OBJECT))));
        JsonObject data = WireJson.jsonb().fromJson(WireJson.toJson(new UrlElicitationRequired(
                List.of(UrlElicitation.of("e1", "https://x/connect", "Connect x")))), JsonObject.class);
        String error = WireJson.toJson(JsonRpcErrorResponse.of(Json.createValue(2),
                JsonRpcErrorCodes.URL_ELICITATION_REQUIRED, "Connect first", data));
        assertEquals("{\"jsonrpc\":\"2.0\",\"id\":2,\"error\":{\"code\":-32042,\"message\":\"Connect first\",\"data\":"
                + "{\"elicitations\":[{\"mode\":\"url\",\"elicitationId\":\"e1\",\"url\":\"https://x/connect\","
                + "\"message\":\"Connect x\"}]}}}", error);
        assertInstanceOf(JsonObject.class, data);
    }

    @Test
    void protocolVersionsNegotiateToTheNewestWhenTheRequestedOneIsUnknown() {
        assertEquals(ProtocolVersion.V2025_06_18, ProtocolVersion.negotiate("2025-06-18"));
        assertEquals(ProtocolVersion.LATEST, ProtocolVersion.negotiate("1999-01-01"));
        assertEquals(ProtocolVersion.LATEST, ProtocolVersion.negotiate(null));
        assertEquals(List.of("2026-07-28", "2025-11-25", "2025-06-18", "2025-03-26"), ProtocolVersion.supported());
    }

    @Test
    void initializeNeverSettlesOnAStatelessRevisionWhichHasNoHandshake() {
        assertEquals(ProtocolVersion.V2025_11_25, ProtocolVersion.negotiate("2026-07-28"));
        assertEquals(ProtocolVersion.Era.STATELESS, ProtocolVersion.MODERN.era());
        assertEquals(ProtocolVersion.Era.SESSION, ProtocolVersion.LATEST.era());
    }
}
