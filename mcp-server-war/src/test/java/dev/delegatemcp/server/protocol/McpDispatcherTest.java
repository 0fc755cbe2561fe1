package dev.delegatemcp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.server.ServerConfig;
import dev.delegatemcp.server.protocol.lifecycle.Initializer;
import dev.delegatemcp.server.protocol.lifecycle.Ping;
import dev.delegatemcp.server.protocol.outcome.OutcomeRenderer;
import dev.delegatemcp.server.protocol.session.McpSession;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

/** The dispatcher routes by method to features, and initialize gathers the features' capabilities. */
class McpDispatcherTest {

    private static final McpSession SESSION = new McpSession("s1", "alice", ProtocolVersion.LATEST);

    /** A feature of this test: serves {@code test/echo}, announces {@code test}, and may require a connection. */
    private static final class TestFeature implements McpFeature {
        RequestContext seen;

        @Override
        public Set<String> methods() {
            return Set.of("test/echo", "tools/call");
        }

        @Override
        public Optional<Capability> capability() {
            return Optional.of(new Capability("test", JsonValue.EMPTY_JSON_OBJECT));
        }

        @Override
        public Object handle(JsonObject params, RequestContext context) {
            seen = context;
            if (params.containsKey("connect")) {
                throw new ConnectionRequiredException("crm", params.getString("connect", null),
                        "Connect crm at the URL, then try again.", "Connect crm");
            }
            return params;
        }
    }

    private final TestFeature feature = new TestFeature();
    private final McpDispatcher dispatcher = new McpDispatcher(List.of(new Ping(), feature), new OutcomeRenderer());
    private final Initializer initializer = new Initializer(List.of(new Ping(), feature),
            new ServerConfig("delegate-mcp", "1.2.3", Optional.of(" ")));

    private static JsonRpcMessage request(String json) {
        return JsonRpcCodec.parse(json);
    }

    private JsonObject initialize(String version) {
        return written(
                initializer.initialize(request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                        + "{\"protocolVersion\":\"" + version + "\",\"capabilities\":{}}}").params()).result());
    }

    private static JsonObject written(Object record) {
        return WireJson.jsonb().fromJson(WireJson.toJson(record), JsonObject.class);
    }

    @Test
    void initializeAnswersTheRequestedSupportedVersionAndAnnouncesTheFeaturesCapabilities() {
        JsonObject result = initialize("2025-06-18");
        assertEquals("2025-06-18", result.getString("protocolVersion"));
        assertEquals(JsonValue.EMPTY_JSON_OBJECT, result.getJsonObject("capabilities").getJsonObject("test"));
        assertEquals(1, result.getJsonObject("capabilities").size(), "ping announces nothing");
        assertEquals("1.2.3", result.getJsonObject("serverInfo").getString("version"));
        assertFalse(result.containsKey("instructions"), "blank instructions are left out");
    }

    @Test
    void initializeWithAnUnsupportedVersionAnswersTheLatest() {
        assertEquals("2025-11-25", initialize("2020-01-01").getString("protocolVersion"));
        assertEquals(ProtocolVersion.LATEST, initializer.initialize(request("{\"jsonrpc\":\"2.0\",\"id\":1,"
                + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2020-01-01\"}}").params())
                .protocolVersion());
    }

    @Test
    void initializeWithoutAVersionIsInvalidParams() {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> initializer.initialize(
                request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{}}").params()));
        assertEquals(JsonRpcErrorCodes.INVALID_PARAMS, e.code());
    }

    @Test
    void initializeKeepsWhetherTheClientHandlesUrlElicitation() {
        assertTrue(initializer.initialize(request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"elicitation\":{\"url\":{}}}}}").params())
                .clientCapabilities().urlElicitation());
        assertFalse(initializer.initialize(request("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
                + "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{}}}").params())
                .clientCapabilities().urlElicitation());
    }

    @Test
    void pingAnswersAnEmptyObject() {
        assertEquals(JsonValue.EMPTY_JSON_OBJECT,
                dispatcher.dispatch(request("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"ping\"}"), null, SESSION));
    }

    @Test
    void aRequestReachesTheFeatureServingItsMethodWithTheSessionsContext() {
        Object result = dispatcher.dispatch(request("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":\"test/echo\","
                + "\"params\":{\"a\":1}}"), null, SESSION);
        assertEquals(1, ((JsonObject) result).getInt("a"));
        assertEquals("test/echo", feature.seen.method());
        assertSame(ProtocolVersion.LATEST, feature.seen.protocolVersion());
        assertFalse(feature.seen.clientCapabilities().urlElicitation());
    }

    @Test
    void twoFeaturesServingOneMethodAreRefusedAtStartUp() {
        assertThrows(IllegalStateException.class,
                () -> new McpDispatcher(List.of(new Ping(), new Ping()), new OutcomeRenderer()));
    }

    @Test
    void aConnectionRequiredOutcomeIsAUrlElicitationErrorForAClientThatHandlesThem() {
        McpSession urlClient =
                new McpSession("s2", "alice", ProtocolVersion.V2025_11_25, ClientCapabilities.urlElicitationOnly(true));
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> dispatcher.dispatch(request(
                "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\",\"params\":{\"connect\":\"https://x/c\"}}"),
                null, urlClient));
        assertEquals(JsonRpcErrorCodes.URL_ELICITATION_REQUIRED, e.code());
        JsonObject elicitation = e.data().asJsonObject().getJsonArray("elicitations").getJsonObject(0);
        assertEquals("url", elicitation.getString("mode"));
        assertEquals("https://x/c", elicitation.getString("url"));
        assertEquals("Connect crm", elicitation.getString("message"));
    }

    @Test
    void aConnectionRequiredOutcomeIsAnIsErrorToolResultForOtherClientsOrWithoutAUrl() {
        Object result = dispatcher.dispatch(request(
                "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"connect\":\"https://x/c\"}}"),
                null, SESSION);
        assertEquals(CallToolResult.error("Connect crm at the URL, then try again."), result);
        McpSession urlClient =
                new McpSession("s2", "alice", ProtocolVersion.V2025_11_25, ClientCapabilities.urlElicitationOnly(true));
        assertEquals(CallToolResult.error("Connect crm at the URL, then try again."), dispatcher.dispatch(request(
                "{\"jsonrpc\":\"2.0\",\"id\":8,\"method\":\"tools/call\",\"params\":{\"connect\":null}}"),
                null, urlClient));
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
}
