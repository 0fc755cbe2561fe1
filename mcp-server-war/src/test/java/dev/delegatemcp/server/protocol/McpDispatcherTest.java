package dev.delegatemcp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import jakarta.json.JsonObject;

import dev.delegatemcp.server.transport.McpSession;
import dev.delegatemcp.server.transport.ProtocolVersions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class McpDispatcherTest {

    private static final McpSession SESSION = new McpSession("s1", "alice", ProtocolVersions.LATEST);

    private McpDispatcher dispatcher;

    @BeforeEach
    void setUp() {
        dispatcher = new McpDispatcher();
        dispatcher.serverName = "delegate-mcp";
        dispatcher.serverVersion = "1.2.3";
        dispatcher.instructions = " ";
    }

    private static JsonRpcMessage request(String json) {
        return JsonRpcCodec.parse(json);
    }

    private JsonObject initialize(String version) {
        return dispatcher.initialize(request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{}}}").params()).result();
    }

    @Test
    void initializeAnswersTheRequestedSupportedVersionAndAnnouncesTools() {
        JsonObject result = initialize("2025-06-18");
        assertEquals("2025-06-18", result.getString("protocolVersion"));
        assertFalse(result.getJsonObject("capabilities").getJsonObject("tools").getBoolean("listChanged"));
        assertEquals("1.2.3", result.getJsonObject("serverInfo").getString("version"));
        assertFalse(result.containsKey("instructions"), "blank instructions are left out");
    }

    @Test
    void initializeWithAnUnsupportedVersionAnswersTheLatest() {
        assertEquals("2025-11-25", initialize("2020-01-01").getString("protocolVersion"));
        assertEquals("2025-11-25", dispatcher.initialize(request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
                + "\"params\":{\"protocolVersion\":\"2020-01-01\"}}").params()).protocolVersion());
    }

    @Test
    void initializeWithoutAVersionIsInvalidParams() {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> dispatcher.initialize(
                request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}").params()));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code());
    }

    @Test
    void pingAnswersAnEmptyObject() {
        assertTrue(dispatcher.dispatch(request("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}"), null, SESSION).isEmpty());
    }

    @Test
    void unknownMethodIsMethodNotFoundNamingIt() {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> dispatcher.dispatch(
                request("{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"prompts/list\"}"), null, SESSION));
        assertEquals(JsonRpcErrorCodes.METHOD_NOT_FOUND, e.code());
        assertTrue(e.getMessage().contains("prompts/list"));
    }

    @Test
    void initializeInsideASessionIsInvalidRequest() {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> dispatcher.dispatch(
                request("{\"jsonrpc\":\"2.0\",\"id\":4,\"method\":\"initialize\",\"params\":{}}"), null, SESSION));
        assertEquals(JsonRpcErrorCodes.INVALID_REQUEST, e.code());
    }

    @Test
    void initializeKeepsWhetherTheClientHandlesUrlElicitation() {
        assertTrue(dispatcher.initialize(request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"elicitation\":{\"url\":{}}}}}").params())
                .clientCapabilities().urlElicitation());
        assertFalse(dispatcher.initialize(request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}}").params())
                .clientCapabilities().urlElicitation());
    }
}
