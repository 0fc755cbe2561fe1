package dev.delegatemcp.server.protocol.outcome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.Elicitation;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.Test;

/** How outcomes look to a client of MCP 2026-07-28, and the session rendering of ClientInteractionException. */
class OutcomeRendererModernTest {

    private static final ClientCapabilities URL = ClientCapabilities.urlElicitationOnly(true);

    /** Thrown by the fake interaction's URL elicitation: "the round ends here" (as an input-required signal would). */
    static final class AskedMarker extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final String message;
        final String url;

        AskedMarker(String message, String url) {
            this.message = message;
            this.url = url;
        }
    }

    private final OutcomeRenderer renderer = new OutcomeRenderer();
    private final List<String> urlsAsked = new ArrayList<>();

    /** An McpRequest whose elicitation().url(...) records the URL and answers as {@code answer} says. */
    private McpRequest interaction(Supplier<ElicitationResult> answer) {
        Elicitation elicitation = (Elicitation) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {Elicitation.class}, (proxy, method, args) -> {
                    if (method.getName().equals("url")) {
                        urlsAsked.add((String) args[1]);
                        return answer.get();
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
        return (McpRequest) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {McpRequest.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("elicitation")) {
                        return elicitation;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static RequestContext context(ProtocolVersion version, String method, ClientCapabilities capabilities,
            McpRequest interaction) {
        return new RequestContext(Json.createValue(1), method, null, version, capabilities, null, interaction);
    }

    private static final ConnectionRequiredException CONNECT = new ConnectionRequiredException("crm",
            "https://example.com/connect/crm", "Connect crm at https://example.com/connect/crm, then try again.",
            "Connect crm");

    private static String text(Object result) {
        JsonObject written = WireJson.jsonb().fromJson(WireJson.toJson(result), JsonObject.class);
        assertTrue(written.getBoolean("isError"), written.toString());
        return written.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static ClientInteractionException notSupported(String capability) {
        return new ClientInteractionException(ClientInteractionException.Reason.NOT_SUPPORTED,
                "This client cannot do it.", capability);
    }

    @Test
    void aMissingCapabilityInModernIsMissingRequiredClientCapabilityWithANestedObject() {
        RequestContext modern = context(ProtocolVersion.MODERN, "tools/call", ClientCapabilities.NONE, null);
        JsonRpcException sampling = assertThrows(JsonRpcException.class,
                () -> renderer.render(notSupported("sampling"), modern));
        assertEquals(-32021, sampling.code());
        assertEquals(Json.createObjectBuilder().add("sampling", JsonObject.EMPTY_JSON_OBJECT).build(),
                sampling.data().asJsonObject().getJsonObject("requiredCapabilities"));
        assertTrue(sampling.getMessage().contains("sampling"), sampling.getMessage());

        JsonRpcException form = assertThrows(JsonRpcException.class,
                () -> renderer.render(notSupported("elicitation.form"),
                        context(ProtocolVersion.MODERN, "prompts/get", ClientCapabilities.NONE, null)));
        assertEquals(-32021, form.code());
        assertEquals(Json.createObjectBuilder().add("elicitation",
                Json.createObjectBuilder().add("form", JsonObject.EMPTY_JSON_OBJECT)).build(),
                form.data().asJsonObject().getJsonObject("requiredCapabilities"));
    }

    @Test
    void aMissingCapabilityInASessionIsAnErrorResultForToolsCallAndInternalErrorOtherwise() {
        Object result = renderer.render(notSupported("sampling"),
                context(ProtocolVersion.LATEST, "tools/call", ClientCapabilities.NONE, null));
        assertEquals("This client cannot do it.", text(result));
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> renderer.render(notSupported("sampling"),
                context(ProtocolVersion.LATEST, "prompts/get", ClientCapabilities.NONE, null)));
        assertEquals(-32603, e.code());
        assertEquals("This client cannot do it.", e.getMessage());
    }

    @Test
    void anInteractionFailureOtherThanAMissingCapabilityIsNotMinus32021EvenInModern() {
        ClientInteractionException refused = new ClientInteractionException(
                ClientInteractionException.Reason.REFUSED, "The client turned it down.");
        assertEquals("The client turned it down.", text(renderer.render(refused,
                context(ProtocolVersion.MODERN, "tools/call", ClientCapabilities.NONE, null))));
        assertEquals("This client cannot do it.", text(renderer.render(notSupported(null),
                context(ProtocolVersion.MODERN, "tools/call", ClientCapabilities.NONE, null))));
    }

    @Test
    void aConnectionRequiredInModernWithUrlElicitationAsksTheUrlThroughTheInteraction() {
        McpRequest asking = interaction(() -> {
            throw new AskedMarker("asked", "x");
        });
        assertThrows(AskedMarker.class,
                () -> renderer.render(CONNECT, context(ProtocolVersion.MODERN, "tools/call", URL, asking)));
        assertEquals(List.of("https://example.com/connect/crm"), urlsAsked);
    }

    @Test
    void anAcceptedUrlWhoseConnectionIsStillMissingIsAnErrorResultSayingSo() {
        McpRequest accepted = interaction(
                () -> new ElicitationResult(ElicitationResult.Action.ACCEPT, Map.of(), null));
        String sentence = text(renderer.render(CONNECT,
                context(ProtocolVersion.MODERN, "tools/call", URL, accepted)));
        assertTrue(sentence.startsWith("crm is not connected yet."), sentence);
        assertTrue(sentence.contains(CONNECT.getMessage()), sentence);
    }

    @Test
    void aDeclinedUrlIsAnErrorResultSayingTheUserChoseNotToConnect() {
        McpRequest declined = interaction(
                () -> new ElicitationResult(ElicitationResult.Action.DECLINE, Map.of(), null));
        String sentence = text(renderer.render(CONNECT,
                context(ProtocolVersion.MODERN, "tools/call", URL, declined)));
        assertTrue(sentence.startsWith("You chose not to connect crm now"), sentence);
    }

    @Test
    void withoutUrlElicitationAModernToolsCallGetsTheConnectSentenceAsAnErrorResult() {
        McpRequest never = interaction(() -> {
            throw new AssertionError("must not ask");
        });
        assertEquals(CONNECT.getMessage(), text(renderer.render(CONNECT,
                context(ProtocolVersion.MODERN, "tools/call", ClientCapabilities.NONE, never))));
        assertEquals(List.of(), urlsAsked);
    }

    @Test
    void withoutUrlElicitationAModernPromptsGetIsMissingRequiredClientCapabilityElicitationUrl() {
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> renderer.render(CONNECT,
                context(ProtocolVersion.MODERN, "prompts/get", ClientCapabilities.NONE, null)));
        assertEquals(-32021, e.code());
        assertEquals(Json.createObjectBuilder().add("elicitation",
                Json.createObjectBuilder().add("url", JsonObject.EMPTY_JSON_OBJECT)).build(),
                e.data().asJsonObject().getJsonObject("requiredCapabilities"));
    }

    @Test
    void aModernPromptsGetWhoseUrlWasDeclinedIsAnInvalidRequestWithTheSentence() {
        McpRequest declined = interaction(
                () -> new ElicitationResult(ElicitationResult.Action.DECLINE, Map.of(), null));
        JsonRpcException e = assertThrows(JsonRpcException.class, () -> renderer.render(CONNECT,
                context(ProtocolVersion.MODERN, "prompts/get", URL, declined)));
        assertEquals(-32600, e.code());
        assertTrue(e.getMessage().startsWith("You chose not to connect crm"), e.getMessage());
    }

    @Test
    void aModernConnectionRequiredWithoutAConnectUrlIsTheSentence() {
        ConnectionRequiredException noUrl = new ConnectionRequiredException("crm", null,
                "Ask your administrator to connect crm.", "Connect crm");
        McpRequest never = interaction(() -> {
            throw new AssertionError("must not ask");
        });
        assertEquals("Ask your administrator to connect crm.",
                text(renderer.render(noUrl, context(ProtocolVersion.MODERN, "tools/call", URL, never))));
        JsonRpcException e = assertThrows(JsonRpcException.class,
                () -> renderer.render(noUrl, context(ProtocolVersion.MODERN, "resources/read", URL, never)));
        assertEquals(-32600, e.code());
    }

    @Test
    void theSessionRenderingIsUnchangedForAConnectionRequired() {
        Object result = renderer.render(CONNECT,
                context(ProtocolVersion.LATEST, "tools/call", ClientCapabilities.NONE, null));
        assertEquals(CallToolResult.class, result.getClass());
        assertEquals(CONNECT.getMessage(), text(result));
    }
}
