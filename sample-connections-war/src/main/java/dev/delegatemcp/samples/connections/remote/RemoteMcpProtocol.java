package dev.delegatemcp.samples.connections.remote;

import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import dev.delegatemcp.samples.connections.apps.SampleApp;

/**
 * One remote MCP server's protocol (Streamable HTTP, 2025-11-25, one JSON-RPC message per POST, answers in
 * {@code application/json}), for a caller already authenticated with a vault token of this app.
 *
 * <ul>
 * <li>{@code initialize} opens a session ({@code Mcp-Session-Id}); every other message needs it: missing is HTTP 400,
 * unknown (or another owner's) is 404.</li>
 * <li>Notifications and client responses: 202 without a body. {@code ping}: {@code {}}. Unknown method: -32601.</li>
 * <li>Not JSON: -32700 (HTTP 400); not a JSON-RPC request object (batches included): -32600 (HTTP 400).</li>
 * <li>{@code tools/call}: unknown tool, or a missing, non-string or blank argument: -32602 naming it. A tool that
 * cannot do what was asked (unknown customer, missing scope) answers an {@code isError} result with a sentence.
 * Every result has the data (or the sentence) as text content and {@code structuredContent} with the data and
 * {@code "connection"}: which stored token the call was made with.</li>
 * </ul>
 */
public class RemoteMcpProtocol {

    public static final String PROTOCOL_VERSION = "2025-11-25";

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
        JsonValue parsed;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            parsed = reader.readValue();
        } catch (JsonException e) {
            return RemoteMcpReply.status(400, JsonRpcMessages.error(null, JsonRpcMessages.PARSE_ERROR, "Parse error"));
        }
        if (parsed.getValueType() != JsonValue.ValueType.OBJECT) {
            return invalidRequest(null, "Invalid Request: one JSON-RPC message object per POST");
        }
        JsonObject message = parsed.asJsonObject();
        JsonValue id = message.get("id");
        JsonValue method = message.get("method");
        if (method == null && id != null && (message.containsKey("result") || message.containsKey("error"))) {
            return sessionProblem(sessionId, null, connection).orElse(RemoteMcpReply.accepted());
        }
        if (!"2.0".equals(stringOrNull(message.get("jsonrpc"))) || method == null
                || method.getValueType() != JsonValue.ValueType.STRING
                || (id != null && id.getValueType() != JsonValue.ValueType.STRING
                        && id.getValueType() != JsonValue.ValueType.NUMBER)) {
            return invalidRequest(id, "Invalid Request");
        }
        if (id == null) {
            return sessionProblem(sessionId, null, connection).orElse(RemoteMcpReply.accepted());
        }
        String name = ((JsonString) method).getString();
        JsonValue params = message.get("params");
        if (params != null && params.getValueType() != JsonValue.ValueType.OBJECT) {
            return invalidParams(id, "Invalid params: params must be an object");
        }
        JsonObject paramsObject = params == null ? JsonValue.EMPTY_JSON_OBJECT : params.asJsonObject();
        if ("initialize".equals(name)) {
            return initialize(id, connection);
        }
        Optional<RemoteMcpReply> problem = sessionProblem(sessionId, id, connection);
        if (problem.isPresent()) {
            return problem.get();
        }
        return switch (name) {
            case "ping" -> RemoteMcpReply.ok(JsonRpcMessages.result(id, JsonValue.EMPTY_JSON_OBJECT));
            case "tools/list" -> RemoteMcpReply.ok(JsonRpcMessages.result(id, toolsList()));
            case "tools/call" -> callTool(id, paramsObject, connection);
            default -> RemoteMcpReply.ok(JsonRpcMessages.error(id, JsonRpcMessages.METHOD_NOT_FOUND,
                    "Method not found: " + name));
        };
    }

    private RemoteMcpReply initialize(JsonValue id, ConnectionView connection) {
        JsonObject result = Json.createObjectBuilder()
                .add("protocolVersion", PROTOCOL_VERSION)
                .add("capabilities", Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT))
                .add("serverInfo", Json.createObjectBuilder().add("name", "sample-" + app.id())
                        .add("title", app.displayName() + " (demo remote MCP server)").add("version", "0.1.0"))
                .add("instructions", "Demo " + app.displayName() + " server: accepts only tokens from the demo "
                        + "vault for the app '" + app.id() + "'.")
                .build();
        return new RemoteMcpReply(200, JsonRpcMessages.result(id, result), sessions.open(app.id(), connection));
    }

    private JsonObject toolsList() {
        JsonArrayBuilder tools = Json.createArrayBuilder();
        toolbox.tools().forEach(tool -> tools.add(tool.toJson()));
        return Json.createObjectBuilder().add("tools", tools).build();
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
        return RemoteMcpReply.ok(JsonRpcMessages.result(id, toolResult(outcome, connection)));
    }

    /** {@code {"content": [{"type": "text", "text"}], "structuredContent": {..., "connection"}, "isError"}}. */
    static JsonObject toolResult(ToolOutcome outcome, ConnectionView connection) {
        JsonObjectBuilder structured = outcome.isError()
                ? Json.createObjectBuilder().add("error", outcome.errorText())
                : Json.createObjectBuilder(outcome.data());
        JsonObject structuredContent = structured.add("connection", connection.toJson()).build();
        String text = outcome.isError() ? outcome.errorText() : structuredContent.toString();
        return Json.createObjectBuilder()
                .add("content", Json.createArrayBuilder().add(Json.createObjectBuilder().add("type", "text")
                        .add("text", text)))
                .add("structuredContent", structuredContent)
                .add("isError", outcome.isError())
                .build();
    }

    /** 400 when the session header is missing, 404 when it names no open session of this app and owner. */
    private Optional<RemoteMcpReply> sessionProblem(String sessionId, JsonValue id, ConnectionView connection) {
        if (sessionId == null || sessionId.isBlank()) {
            return Optional.of(RemoteMcpReply.status(400, JsonRpcMessages.error(id, JsonRpcMessages.INVALID_REQUEST,
                    "Bad Request: Mcp-Session-Id header is required (send initialize first)")));
        }
        if (!sessions.isOpen(sessionId, app.id(), connection)) {
            return Optional.of(RemoteMcpReply.status(404, JsonRpcMessages.error(id, JsonRpcMessages.INVALID_REQUEST,
                    "Session not found: initialize a new session")));
        }
        return Optional.empty();
    }

    private static RemoteMcpReply invalidRequest(JsonValue id, String message) {
        return RemoteMcpReply.status(400, JsonRpcMessages.error(id, JsonRpcMessages.INVALID_REQUEST, message));
    }

    private static RemoteMcpReply invalidParams(JsonValue id, String message) {
        return RemoteMcpReply.ok(JsonRpcMessages.error(id, JsonRpcMessages.INVALID_PARAMS, message));
    }

    private static String stringOrNull(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.STRING ? ((JsonString) value).getString()
                : null;
    }
}
