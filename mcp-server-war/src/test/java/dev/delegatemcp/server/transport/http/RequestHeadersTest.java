package dev.delegatemcp.server.transport.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.Optional;

import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

class RequestHeadersTest {

    private static JsonRpcMessage request(String method, JsonObject params) {
        return new JsonRpcMessage(Json.createValue(1), method, params);
    }

    private static JsonRpcMessage tool(String name) {
        return request("tools/call", Json.createObjectBuilder().add("name", name).build());
    }

    private static String base64(String text) {
        return "=?base64?" + Base64.getEncoder().encodeToString(text.getBytes(UTF_8)) + "?=";
    }

    private static void assertMismatch(JsonRpcMessage message, String method, String name, String saying) {
        Optional<String> mismatch = RequestHeaders.mismatch(message, method, name);
        assertTrue(mismatch.isPresent(), method + " / " + name);
        assertTrue(mismatch.get().startsWith("Header mismatch"), mismatch.get());
        assertTrue(mismatch.get().contains(saying), mismatch.get());
    }

    @Test
    void everyFailureIsHeaderMismatch32020() {
        assertEquals(-32020, RequestHeaders.code());
    }

    @Test
    void aMissingMcpMethodHeaderIsAMismatch() {
        assertMismatch(request("tools/list", JsonObject.EMPTY_JSON_OBJECT), null, null,
                "Mcp-Method header is required");
    }

    @Test
    void anMcpMethodHeaderThatDiffersFromTheBodyIsAMismatch() {
        assertMismatch(request("tools/list", JsonObject.EMPTY_JSON_OBJECT), "prompts/list", null,
                "'prompts/list' does not match body value 'tools/list'");
        assertMismatch(request("tools/list", JsonObject.EMPTY_JSON_OBJECT), "Tools/List", null, "does not match");
    }

    @Test
    void matchingHeadersWithSurroundingSpaceAreAccepted() {
        assertEquals(Optional.empty(),
                RequestHeaders.mismatch(request("tools/list", JsonObject.EMPTY_JSON_OBJECT), " tools/list\t", null));
        assertEquals(Optional.empty(), RequestHeaders.mismatch(tool("search"), "tools/call", " search "));
    }

    @Test
    void mcpNameIsRequiredForToolsCallPromptsGetAndResourcesRead() {
        assertMismatch(tool("search"), "tools/call", null, "Mcp-Name header is required for tools/call");
        assertMismatch(request("prompts/get", Json.createObjectBuilder().add("name", "greet").build()), "prompts/get",
                null, "required for prompts/get");
        assertMismatch(request("resources/read", Json.createObjectBuilder().add("uri", "file:///a").build()),
                "resources/read", null, "required for resources/read");
    }

    @Test
    void mcpNameMirrorsTheNameOfToolsAndPromptsAndTheUriOfResources() {
        assertEquals(Optional.empty(), RequestHeaders.mismatch(
                request("prompts/get", Json.createObjectBuilder().add("name", "greet").build()), "prompts/get",
                "greet"));
        assertEquals(Optional.empty(), RequestHeaders.mismatch(
                request("resources/read", Json.createObjectBuilder().add("uri", "file:///a.txt").build()),
                "resources/read", "file:///a.txt"));
        assertMismatch(request("resources/read", Json.createObjectBuilder().add("uri", "file:///a.txt")
                .add("name", "a").build()), "resources/read", "a", "params.uri");
        assertMismatch(tool("search"), "tools/call", "fetch", "params.name");
    }

    @Test
    void otherMethodsNeedNoMcpNameAndIgnoreOne() {
        for (String method : new String[] {"tools/list", "resources/list", "server/discover",
            "subscriptions/listen", "completion/complete"}) {
            assertNull(RequestHeaders.nameField(method), method);
            assertEquals(Optional.empty(),
                    RequestHeaders.mismatch(request(method, JsonObject.EMPTY_JSON_OBJECT), method, null), method);
            assertEquals(Optional.empty(),
                    RequestHeaders.mismatch(request(method, JsonObject.EMPTY_JSON_OBJECT), method, "anything"),
                    method);
        }
    }

    @Test
    void aBase64SentinelNameIsDecodedBeforeComparing() {
        assertEquals(Optional.empty(), RequestHeaders.mismatch(tool("café-ünïcödé"), "tools/call",
                base64("café-ünïcödé")));
        assertEquals(Optional.empty(), RequestHeaders.mismatch(tool(" padded "), "tools/call", base64(" padded ")));
        assertMismatch(tool("other"), "tools/call", base64("café"), "does not match");
    }

    @Test
    void invalidBase64OrInvalidUtf8InTheSentinelIsAMismatch() {
        assertMismatch(tool("x"), "tools/call", "=?base64?not*base64?=", "not valid =?base64?...?= text");
        String invalidUtf8 = "=?base64?" + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xC3, 0x28}) + "?=";
        assertMismatch(tool("x"), "tools/call", invalidUtf8, "not valid =?base64?...?= text");
    }

    @Test
    void controlCharactersAndNonAsciiInHeadersAreAMismatch() {
        assertMismatch(request("tools/list", JsonObject.EMPTY_JSON_OBJECT), "tools/list\u0000", null,
                "Mcp-Method header holds invalid characters");
        assertMismatch(tool("café"), "tools/call", "café", "Mcp-Name header holds invalid characters");
        assertMismatch(tool("a\nb"), "tools/call", "a\nb", "invalid characters");
        assertMismatch(tool("x"), "tools/call", "x\u007F", "invalid characters");
    }

    @Test
    void numericNamesAreComparedByValue() {
        JsonRpcMessage numbered = request("tools/call", Json.createObjectBuilder().add("name", 42).build());
        assertEquals(Optional.empty(), RequestHeaders.mismatch(numbered, "tools/call", "42"));
        assertEquals(Optional.empty(), RequestHeaders.mismatch(numbered, "tools/call", "42.0"));
        assertEquals(Optional.empty(), RequestHeaders.mismatch(numbered, "tools/call", "4.2e1"));
        assertMismatch(numbered, "tools/call", "43", "does not match");
        assertMismatch(numbered, "tools/call", "forty-two", "does not match");
        assertMismatch(tool("42.0"), "tools/call", "42", "does not match");
    }

    @Test
    void aBodyWithoutTheNamedFieldMismatchesAnyName() {
        assertMismatch(request("tools/call", JsonObject.EMPTY_JSON_OBJECT), "tools/call", "search", "does not match");
    }
}
