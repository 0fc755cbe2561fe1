package dev.delegatemcp.samples.connections.remote;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.delegatemcp.samples.connections.apps.SampleApp;
import dev.delegatemcp.wire.jsonrpc.JsonRpcCodec;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import dev.delegatemcp.wire.jsonrpc.JsonRpcException;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.jsonrpc.JsonRpcResponse;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.ContentBlock;
import dev.delegatemcp.wire.mcp.Implementation;
import dev.delegatemcp.wire.mcp.InitializeResult;
import dev.delegatemcp.wire.mcp.ListToolsResult;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * One remote MCP server's protocol (Streamable HTTP, 2025-11-25, one JSON-RPC message per POST, answers in
 * {@code application/json}), for a caller already authenticated with a vault token of this app. Messages are read with
 * mcp-wire's {@link JsonRpcCodec} and written as its records.
 *
 * <ul>
 * <li>{@code initialize} opens a session ({@code Mcp-Session-Id}); every other message needs it: missing is HTTP 400,
 * unknown (or another owner's) is 404.</li>
 * <li>Notifications and client responses: 202 without a body. {@code ping}: {@code {}}. Unknown method: -32601.</li>
 * <li>Not JSON: -32700 (HTTP 400); not a JSON-RPC message object (batches, a {@code jsonrpc} other than
 * {@code "2.0"}, an id that is not a string or integer, {@code params} that are not an object): -32600 (HTTP 400),
 * as {@link JsonRpcCodec#parse} words them, with a null id.</li>
 * <li>{@code tools/call}: no tool name, an unknown tool, {@code arguments} that are not an object, or a missing,
 * non-string or blank argument: -32602 naming it. A tool that
 * cannot do what was asked (unknown customer, missing scope) answers an {@code isError} result with a sentence.
 * Every result has the data (or the sentence) as text content and {@code structuredContent} with the data and
 * {@code "connection"}: which stored token the call was made with.</li>
 * </ul>
 */
public class RemoteMcpProtocol {

    public static final String PROTOCOL_VERSION = ProtocolVersion.V2025_11_25.text();

    private static final JsonProvider JSON = JsonProvider.provider();

    private final SampleApp app;
    private final RemoteToolbox toolbox;
    private final RemoteSessions sessions;

    public RemoteMcpProtocol(SampleApp app, RemoteToolbox toolbox, RemoteSessions sessions) {
        this.app = app;
        this.toolbox = toolbox;
        this.sessions = sessions;
    }

    /**
     * Handles one POSTed message.
     *
     * @param body       the request body
     * @param sessionId  the {@code Mcp-Session-Id} header, or null
     * @param connection the vault token the request came with
     */
    public RemoteMcpReply handle(String body, String sessionId, ConnectionView connection) {
        JsonRpcMessage message;
        try {
            message = JsonRpcCodec.parse(body);
        } catch (JsonRpcException e) {
            return RemoteMcpReply.status(400, e.toResponse(null));
        }
        if (!message.isRequest()) {
            // A notification, or a client's response to a server request (this server sends none).
            return sessionProblem(sessionId, null, connection).orElse(RemoteMcpReply.accepted());
        }
        JsonValue id = message.id();
        if (McpMethods.INITIALIZE.equals(message.method())) {
            return initialize(id, connection);
        }
        Optional<RemoteMcpReply> problem = sessionProblem(sessionId, id, connection);
        if (problem.isPresent()) {
            return problem.get();
        }
        return switch (message.method()) {
            case McpMethods.PING -> RemoteMcpReply.ok(JsonRpcResponse.of(id, JsonValue.EMPTY_JSON_OBJECT));
            case McpMethods.TOOLS_LIST -> RemoteMcpReply.ok(JsonRpcResponse.of(id, toolsList()));
            case McpMethods.TOOLS_CALL -> callTool(id, message.params(), connection);
            default -> RemoteMcpReply.ok(JsonRpcException.methodNotFound(message.method()).toResponse(id));
        };
    }

    private RemoteMcpReply initialize(JsonValue id, ConnectionView connection) {
        InitializeResult result = new InitializeResult(PROTOCOL_VERSION,
                Map.of("tools", JsonValue.EMPTY_JSON_OBJECT),
                new Implementation("sample-" + app.id(), app.displayName() + " (demo remote MCP server)", "0.1.0"),
                "Demo " + app.displayName() + " server: accepts only tokens from the demo vault for the app '"
                        + app.id() + "'.");
        return new RemoteMcpReply(200, JsonRpcResponse.of(id, result), sessions.open(app.id(), connection));
    }

    private ListToolsResult toolsList() {
        return new ListToolsResult(toolbox.tools().stream().map(ToolDefinition::toTool).toList(), null);
    }

    private RemoteMcpReply callTool(JsonValue id, JsonObject params, ConnectionView connection) {
        String toolName = stringOrNull(params.get("name"));
        if (toolName == null) {
            return invalidParams(id, "Invalid params: name (the tool name) is required");
        }
        Optional<ToolDefinition> tool = toolbox.tools().stream().filter(t -> t.name().equals(toolName)).findFirst();
        if (tool.isEmpty()) {
            return invalidParams(id, "Unknown tool: " + toolName);
        }
        JsonValue rawArguments = params.get("arguments");
        if (rawArguments != null && rawArguments != JsonValue.NULL
                && rawArguments.getValueType() != JsonValue.ValueType.OBJECT) {
            return invalidParams(id, "Invalid params: arguments must be an object");
        }
        JsonObject arguments = rawArguments == null || rawArguments == JsonValue.NULL ? JsonValue.EMPTY_JSON_OBJECT
                : rawArguments.asJsonObject();
        Map<String, String> values = new LinkedHashMap<>();
        for (String argument : tool.get().arguments().keySet()) {
            String value = stringOrNull(arguments.get(argument));
            if (value == null || value.isBlank()) {
                return invalidParams(id, "Invalid params: " + argument + ": is required (a non-empty string)");
            }
            values.put(argument, value);
        }
        ToolOutcome outcome = toolbox.call(toolName, values, connection);
        return RemoteMcpReply.ok(JsonRpcResponse.of(id, toolResult(outcome, connection)));
    }

    /**
     * {@code {"content": [{"type": "text", "text"}], "isError", "structuredContent": {..., "connection"}}}: the text
     * is the sentence of an error, else the structured content as JSON text.
     */
    static CallToolResult toolResult(ToolOutcome outcome, ConnectionView connection) {
        JsonObjectBuilder structured = outcome.isError()
                ? JSON.createObjectBuilder().add("error", outcome.errorText())
                : JSON.createObjectBuilder(outcome.data());
        JsonObject structuredContent = structured.add("connection", connection.toJson()).build();
        String text = outcome.isError() ? outcome.errorText() : structuredContent.toString();
        return new CallToolResult(List.of(new ContentBlock.Text(text)), outcome.isError(), structuredContent);
    }

    /** 400 when the session header is missing, 404 when it names no open session of this app and owner. */
    private Optional<RemoteMcpReply> sessionProblem(String sessionId, JsonValue id, ConnectionView connection) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.of(RemoteMcpReply.status(400, JsonRpcErrorResponse.of(id,
                    JsonRpcErrorCodes.INVALID_REQUEST,
                    "Bad Request: Mcp-Session-Id header is required (send initialize first)")));
        }
        if (!sessions.isOpen(sessionId, app.id(), connection)) {
            return Optional.of(RemoteMcpReply.status(404, JsonRpcErrorResponse.of(id,
                    JsonRpcErrorCodes.INVALID_REQUEST, "Session not found: initialize a new session")));
        }
        return Optional.empty();
    }

    private static RemoteMcpReply invalidParams(JsonValue id, String message) {
        return RemoteMcpReply.ok(JsonRpcException.invalidParams(message).toResponse(id));
    }

    private static String stringOrNull(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString()
                : null;
    }
}
