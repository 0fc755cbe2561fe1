package dev.delegatemcp.server.protocol.outcome;

import java.util.List;
import java.util.UUID;

import dev.delegatemcp.api.interaction.ConnectionRequiredException;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.UrlElicitation;
import dev.delegatemcp.wire.mcp.UrlElicitationRequired;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

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
 */
@ApplicationScoped
public class OutcomeRenderer {

    /**
     * @return the result to send instead of the feature's
     * @throws JsonRpcException when the outcome is an error response
     */
    public Object render(ConnectionRequiredException outcome, RequestContext context) {
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
}
