package dev.delegatemcp.server.protocol;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.api.interaction.McpRequest;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.JsonValue;

/**
 * One MCP request as the features see it: built by the dispatcher for each request, from the transport's session.
 *
 * @param requestId the JSON-RPC id of the request (a JSON string or number)
 * @param method the MCP method, e.g. {@code tools/call}
 * @param caller the authenticated caller (MP-JWT)
 * @param protocolVersion the revision the request is spoken in
 * @param clientCapabilities what the client declared it supports
 * @param sessionId the session the request belongs to (MCP 2025-11-25 {@code Mcp-Session-Id}), or null for a request
 *        outside any session
 * @param interaction what a method serving the request can do with the client (progress, log, cancellation,
 *        sampling, elicitation, roots); bound to {@link McpRequest} parameters; null when the request has none (tests)
 * @param paramHeaders the request's {@code Mcp-Param-*} headers (MCP 2026-07-28, Streamable HTTP, Custom Headers from
 *        Tool Parameters), possibly none; null when the transport carries no such headers (a session of 2025-11-25):
 *        then nothing is checked against them
 */
public record RequestContext(JsonValue requestId, String method, McpCaller caller, ProtocolVersion protocolVersion,
        ClientCapabilities clientCapabilities, String sessionId, McpRequest interaction,
        McpParamHeaders paramHeaders) {

    /** A request whose transport carries no {@code Mcp-Param-*} headers. */
    public RequestContext(JsonValue requestId, String method, McpCaller caller, ProtocolVersion protocolVersion,
            ClientCapabilities clientCapabilities, String sessionId, McpRequest interaction) {
        this(requestId, method, caller, protocolVersion, clientCapabilities, sessionId, interaction, null);
    }
}
