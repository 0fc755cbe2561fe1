package dev.delegatemcp.server.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.server.protocol.outcome.OutcomeRenderer;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** Methods of one protocol era only are unknown in the other (MCP 2026-07-28, Key Changes). */
class McpDispatcherErasTest {

    private static final Set<String> SESSION_ONLY = Set.of("initialize", "ping", "logging/setLevel",
            "resources/subscribe", "resources/unsubscribe");
    private static final Set<String> STATELESS_ONLY = Set.of("server/discover", "subscriptions/listen");
    private static final Set<String> BOTH = Set.of("tools/list", "tools/call", "resources/read");

    /** Serves every method above and answers with its name; tools/call may need sampling the client lacks. */
    private static final class EveryMethod implements McpFeature {
        @Override
        public Set<String> methods() {
            java.util.Set<String> all = new java.util.HashSet<>(SESSION_ONLY);
            all.addAll(STATELESS_ONLY);
            all.addAll(BOTH);
            return all;
        }

        @Override
        public Optional<CacheScope> cacheScope(String method) {
            return method.endsWith("/list") ? Optional.of(CacheScope.PRIVATE) : Optional.empty();
        }

        @Override
        public Object handle(JsonObject params, RequestContext context) {
            if (params.containsKey("sample")) {
                throw new ClientInteractionException(ClientInteractionException.Reason.NOT_SUPPORTED,
                        "This client cannot sample.", "sampling");
            }
            return Json.createObjectBuilder().add("served", context.method()).build();
        }
    }

    private final McpDispatcher dispatcher = new McpDispatcher(List.of(new EveryMethod()), new OutcomeRenderer());

    private Object dispatch(String method, ProtocolVersion version) {
        return dispatch(method, version, JsonObject.EMPTY_JSON_OBJECT);
    }

    private Object dispatch(String method, ProtocolVersion version, JsonObject params) {
        JsonRpcMessage request = new JsonRpcMessage(Json.createValue(1), method, params);
        return dispatcher.dispatch(request, new RequestContext(request.id(), method, null, version,
                ClientCapabilities.NONE, version.era() == ProtocolVersion.Era.SESSION ? "s1" : null, null));
    }

    @Test
    void sessionOnlyMethodsAreUnknownWithoutASession() {
        for (String method : SESSION_ONLY) {
            JsonRpcException e = assertThrows(JsonRpcException.class,
                    () -> dispatch(method, ProtocolVersion.MODERN), method);
            assertEquals(-32601, e.code(), method);
            assertFalse(dispatcher.serves(method, ProtocolVersion.Era.STATELESS), method);
            assertEquals(Json.createValue(method),
                    ((JsonObject) dispatch(method, ProtocolVersion.LATEST)).get("served"));
        }
    }

    @Test
    void statelessOnlyMethodsAreUnknownInASession() {
        for (String method : STATELESS_ONLY) {
            JsonRpcException e = assertThrows(JsonRpcException.class,
                    () -> dispatch(method, ProtocolVersion.LATEST), method);
            assertEquals(-32601, e.code(), method);
            assertFalse(dispatcher.serves(method, ProtocolVersion.Era.SESSION), method);
            assertEquals(Json.createValue(method),
                    ((JsonObject) dispatch(method, ProtocolVersion.MODERN)).get("served"));
        }
    }

    @Test
    void methodsOfBothErasAreServedInBoth() {
        for (String method : BOTH) {
            assertTrue(dispatcher.serves(method, ProtocolVersion.Era.SESSION), method);
            assertTrue(dispatcher.serves(method, ProtocolVersion.Era.STATELESS), method);
        }
        assertFalse(dispatcher.serves("nobody/serves", ProtocolVersion.Era.STATELESS));
        assertFalse(dispatcher.serves("nobody/serves", ProtocolVersion.Era.SESSION));
    }

    @Test
    void theCacheScopeIsTheServingFeaturesWord() {
        assertEquals(Optional.of(CacheScope.PRIVATE), dispatcher.cacheScope("tools/list"));
        assertEquals(Optional.empty(), dispatcher.cacheScope("tools/call"));
        assertEquals(Optional.empty(), dispatcher.cacheScope("nobody/serves"));
    }

    @Test
    void aMissingClientCapabilityIsRenderedPerEra() {
        JsonObject sample = Json.createObjectBuilder().add("sample", true).build();
        JsonRpcException modern = assertThrows(JsonRpcException.class,
                () -> dispatch("tools/call", ProtocolVersion.MODERN, sample));
        assertEquals(-32021, modern.code());
        Object session = dispatch("tools/call", ProtocolVersion.LATEST, sample);
        assertEquals(dev.delegatemcp.wire.mcp.CallToolResult.class, session.getClass());
    }
}
