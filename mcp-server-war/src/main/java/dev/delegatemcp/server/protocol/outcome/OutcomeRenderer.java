package dev.delegatemcp.server.protocol.outcome;

import java.util.List;
import java.util.UUID;

import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.api.interaction.ElicitationResult;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.server.protocol.roundtrip.RoundTrip;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import dev.delegatemcp.wire.mcp.UrlElicitation;
import dev.delegatemcp.wire.mcp.UrlElicitationRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * The one place that decides how an outcome the user must act on looks on the wire, per protocol revision and client
 * capability. A {@link ConnectionRequiredException} becomes:
 * <ul>
 * <li>a -32042 URLElicitationRequiredError carrying the connect URL (MCP 2025-11-25, Elicitation, URL mode; schema
 * URLElicitationRequiredError) when the client declared {@code elicitation.url} and a URL is known;</li>
 * <li>otherwise, for {@code tools/call}, a tool result with {@code isError: true} whose text says what to do (with the
 * URL when known);</li>
 * <li>for any other method (none raises it yet), a -32600 error with that sentence.</li>
 * </ul>
 * To a client of MCP 2026-07-28 (no session, no server-to-client requests) it becomes instead, on a method that may
 * return one, an InputRequiredResult holding the URL elicitation (Multi Round-Trip Requests; Elicitation: "the server
 * needs the user to authorize a third party"); the client's retry after the user connected finds the connection and
 * completes. On that retry, a connection still missing is an {@code isError} text, saying so when the user declined.
 * Without {@code elicitation.url} in the request's capabilities, the connect sentence as above.
 * <p>
 * A {@link ClientInteractionException} that reaches the protocol layer (a tool, prompt or resource needed a client
 * capability the client did not declare) is, in MCP 2026-07-28, MissingRequiredClientCapability (-32021) naming the
 * capability (Basic, {@code _meta}); in a session, the sentence as an {@code isError} text for tools/call, else -32603.
 */
@ApplicationScoped
public class OutcomeRenderer {

    /**
     * @return the result to send instead of the feature's
     * @throws JsonRpcException when the outcome is an error response
     */
    public Object render(ConnectionRequiredException outcome, RequestContext context) {
        if (stateless(context)) {
            return renderStateless(outcome, context);
        }
        if (context.clientCapabilities().urlElicitation() && outcome.connectUrl().isPresent()) {
            UrlElicitationRequired data = new UrlElicitationRequired(List.of(UrlElicitation.of(
                    UUID.randomUUID().toString(), outcome.connectUrl().orElseThrow(), outcome.elicitationMessage())));
            throw new JsonRpcException(JsonRpcErrorCodes.URL_ELICITATION_REQUIRED,
                    "This request requires connecting " + outcome.target() + " first.",
                    WireJson.jsonb().fromJson(WireJson.toJson(data), JsonObject.class));
        }
        if (McpMethods.TOOLS_CALL.equals(context.method())) {
            return CallToolResult.error(outcome.getMessage());
        }
        throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST, outcome.getMessage());
    }

    /**
     * @return the result to send instead of the feature's
     * @throws JsonRpcException -32021 in MCP 2026-07-28 when the capability is known, else -32603 outside tools/call
     */
    public Object render(ClientInteractionException outcome, RequestContext context) {
        if (stateless(context) && outcome.reason() == ClientInteractionException.Reason.NOT_SUPPORTED
                && outcome.missingCapability().isPresent()) {
            throw missingCapability(outcome.missingCapability().orElseThrow(), outcome.getMessage());
        }
        if (McpMethods.TOOLS_CALL.equals(context.method())) {
            return CallToolResult.error(outcome.getMessage());
        }
        throw new JsonRpcException(JsonRpcErrorCodes.INTERNAL_ERROR, outcome.getMessage());
    }

    private Object renderStateless(ConnectionRequiredException outcome, RequestContext context) {
        boolean canAsk = context.clientCapabilities().urlElicitation() && outcome.connectUrl().isPresent()
                && context.interaction() != null && RoundTrip.supports(context.method());
        if (canAsk) {
            // Ends this round with the URL elicitation when the client has not answered it yet.
            ElicitationResult answer = context.interaction().elicitation().url(outcome.elicitationMessage(),
                    outcome.connectUrl().orElseThrow());
            String sentence = answer.accepted()
                    ? outcome.target() + " is not connected yet. " + outcome.getMessage()
                    : "You chose not to connect " + outcome.target()
                            + " now, and this needs it. Call it again when you want to connect.";
            if (McpMethods.TOOLS_CALL.equals(context.method())) {
                return CallToolResult.error(sentence);
            }
            throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST, sentence);
        }
        if (McpMethods.TOOLS_CALL.equals(context.method())) {
            return CallToolResult.error(outcome.getMessage());
        }
        if (outcome.connectUrl().isPresent() && !context.clientCapabilities().urlElicitation()) {
            throw missingCapability("elicitation.url", outcome.getMessage());
        }
        throw new JsonRpcException(JsonRpcErrorCodes.INVALID_REQUEST, outcome.getMessage());
    }

    /**
     * MissingRequiredClientCapability: {@code data.requiredCapabilities} is a ClientCapabilities object holding the
     * missing one, e.g. {@code {"sampling": {}}} or {@code {"elicitation": {"url": {}}}}.
     */
    static JsonRpcException missingCapability(String dottedPath, String sentence) {
        String[] parts = dottedPath.split("\\.");
        JsonObject capability = JsonValue.EMPTY_JSON_OBJECT;
        for (int i = parts.length - 1; i >= 0; i--) {
            capability = Json.createObjectBuilder().add(parts[i], capability).build();
        }
        return new JsonRpcException(JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
                "Missing required client capability " + dottedPath + ": " + sentence,
                Json.createObjectBuilder().add("requiredCapabilities", capability).build());
    }

    private static boolean stateless(RequestContext context) {
        return context.protocolVersion().era() == ProtocolVersion.Era.STATELESS;
    }
}
