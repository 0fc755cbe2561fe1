package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Set;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.RemoteMcpException;
import dev.delegatemcp.api.RemoteTool;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.wire.mcp.ListToolsResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RemoteToolMapperTest {

    private static final String NOT_MCP =
            "The crm service answered with something that is not MCP; please tell your administrator.";

    private final RemoteToolMapper mapper = new RemoteToolMapper(new RemoteMcpFailures("crm"));

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private void assertNotMcp(Runnable mapping) {
        assertEquals(NOT_MCP, assertThrows(RemoteMcpException.class, mapping::run).getMessage());
    }

    @Test
    void theContentTypesBoundAreTheWireRecordsOnes() {
        assertEquals(Set.of("text", "image", "audio", "resource", "resource_link"),
                RemoteToolMapper.BOUND_CONTENT_TYPES);
    }

    @Test
    void aToolPageKeepsItsCursorAndEachToolItsSchemasAndTitle() {
        ListToolsResult page = mapper.toolsPage(json("{\"tools\":[{\"name\":\"a\",\"title\":\"A\","
                + "\"inputSchema\":{\"type\":\"object\",\"required\":[\"q\"]},\"outputSchema\":{\"type\":\"object\"}},"
                + "{\"name\":\"b\",\"annotations\":{\"title\":\"Bee\"}}],\"nextCursor\":\"c\"}"));

        assertEquals("c", page.nextCursor());
        assertEquals(new RemoteTool("a", "A", null, json("{\"type\":\"object\",\"required\":[\"q\"]}"),
                json("{\"type\":\"object\"}")), mapper.tool(page.tools().get(0)));
        assertEquals(new RemoteTool("b", "Bee", null, json("{\"type\":\"object\"}"), null),
                mapper.tool(page.tools().get(1)));
    }

    @Test
    void aToolPageWithoutToolsOrAToolWithoutANameIsNotMcp() {
        assertNotMcp(() -> mapper.toolsPage(json("{\"nextCursor\":\"c\"}")));
        assertNotMcp(() -> mapper.toolsPage(json("{\"tools\":{}}")));
        assertNotMcp(() -> mapper.tool(mapper.toolsPage(json("{\"tools\":[{\"description\":\"x\"}]}")).tools().get(0)));
        assertNotMcp(() -> mapper.toolsPage(json("{\"tools\":[{\"name\":\"a\",\"inputSchema\":\"object\"}]}")));
    }

    @Test
    void aResourceLinkIsShownAsTextWithItsTitleOrName() {
        assertEquals(Content.text("[resource link: Customer 1 https://crm.example/c/1]"), mapper.content(json(
                "{\"type\":\"resource_link\",\"uri\":\"https://crm.example/c/1\",\"name\":\"c1\",\"title\":\"Customer 1\"}")));
        assertEquals(Content.text("[resource link: c1 https://crm.example/c/1]"), mapper.content(json(
                "{\"type\":\"resource_link\",\"uri\":\"https://crm.example/c/1\",\"name\":\"c1\"}")));
    }

    @Test
    void anUnknownContentTypeIsKeptAsASanitizedNote() {
        assertEquals(Content.text("[unsupported content type: holo gram]"),
                mapper.content(json("{\"type\":\"holo\\u0007gram\",\"data\":1}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\":\"no type\"}", "{\"type\":1,\"text\":\"x\"}", "{\"type\":\"text\"}",
        "{\"type\":\"image\",\"data\":\"AA==\"}", "{\"type\":\"audio\",\"mimeType\":\"audio/wav\"}",
        "{\"type\":\"resource\"}", "{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///a\"}}",
        "{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///a\",\"text\":\"t\",\"blob\":\"AA==\"}}",
        "{\"type\":\"resource\",\"resource\":{\"text\":\"t\"}}", "{\"type\":\"resource_link\",\"name\":\"n\"}",
        "{\"type\":\"resource_link\",\"uri\":\"file:///a\"}", "{\"type\":\"text\",\"text\":{}}"})
    void aContentBlockWithoutItsRequiredMembersIsNotMcp(String block) {
        assertNotMcp(() -> mapper.content(json(block)));
    }

    @Test
    void aToolResultDefaultsToNoContentNotAnErrorAndIgnoresStructuredContentThatIsNotAnObject() {
        RemoteToolResult result = mapper.toolResult(json("{\"structuredContent\":[1,2],\"isError\":\"yes\"}"));

        assertEquals(List.of(), result.content());
        assertNull(result.structuredContent());
        assertFalse(result.isError());
        assertTrue(mapper.toolResult(json("{\"content\":[],\"isError\":true}")).isError());
        assertNotMcp(() -> mapper.toolResult(json("{\"content\":{\"type\":\"text\",\"text\":\"x\"}}")));
    }
}
