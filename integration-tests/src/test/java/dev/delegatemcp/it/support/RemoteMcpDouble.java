package dev.delegatemcp.it.support;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import dev.delegatemcp.wire.WireJson;
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
import dev.delegatemcp.wire.mcp.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

/**
 * Remote MCP servers (Streamable HTTP, JSON answers) a tool reaches with the caller's stored connection token:
 * <ul>
 * <li>{@value #ASSISTANT}: accepts only a bearer token the Outbound Apps double holds for app {@value #APP} right now
 * (401 otherwise); {@code initialize} issues an {@code Mcp-Session-Id}, {@code notifications/initialized} is 202,
 * later requests need that session id and the negotiated {@code MCP-Protocol-Version}; tools {@code whoami} (answers
 * with the owner of the token it got and the token's SHA-256) and {@code fail} (a tool result with
 * {@code isError: true}).</li>
 * <li>{@value #FAILING}: answers every request with HTTP 500, its body echoing the Authorization header.</li>
 * </ul>
 * It records the Authorization header of every request, and every way a request broke the transport rules.
 */
public final class RemoteMcpDouble {

    public static final String ASSISTANT = "/remote-mcp/assistant";
    public static final String FAILING = "/remote-mcp/failing";
    public static final String APP = "assistant-app";
    public static final String FAIL_TEXT = "The remote tool failed: the quota of this account is used up.";
    private static final JsonObject OBJECT_SCHEMA = Json.createObjectBuilder().add("type", "object").build();
    private static final ListToolsResult TOOLS = new ListToolsResult(List.of(
            tool("whoami", "Says whose connection token it received"), tool("fail", "Always fails")), null);

    /** One request: the path, the JSON-RPC method (null when unreadable) and the Authorization header (or null). */
    public record Seen(String path, String method, String authorization) {
    }

    private record Session(String owner, String protocolVersion) {
    }

    private static final RemoteMcpDouble INSTANCE = new RemoteMcpDouble();

    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    private RemoteMcpDouble() {
        StsDouble.get().serve("/remote-mcp/", this::handle);
    }

    public static RemoteMcpDouble get() {
        return INSTANCE;
    }

    public List<Seen> seen() {
        return List.copyOf(seen);
    }

    public List<String> violations() {
        return List.copyOf(violations);
    }

    private void handle(HttpExchange http) throws IOException {
        try (http) {
            String path = http.getRequestURI().getPath();
            String authorization = http.getRequestHeaders().getFirst("Authorization");
            String body = new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            JsonRpcMessage message = parse(body);
            String method = message == null ? null : message.method();
            seen.add(new Seen(path, method, authorization));
            if (FAILING.equals(path)) {
                http.getResponseHeaders().set("Content-Type", "text/plain");
                byte[] bytes = ("internal error while serving " + authorization).getBytes(StandardCharsets.UTF_8);
                http.sendResponseHeaders(500, bytes.length);
                http.getResponseBody().write(bytes);
                return;
            }
            if (!ASSISTANT.equals(path) || !"POST".equals(http.getRequestMethod())) {
                violations.add(http.getRequestMethod() + " " + path);
                http.sendResponseHeaders(405, -1);
                return;
            }
            checkHeaders(http);
            String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7)
                    : null;
            Optional<String> owner = token == null ? Optional.empty() : OutboundAppsDouble.get().ownerOf(APP, token);
            if (owner.isEmpty()) {
                http.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                StsDouble.send(http, 401, "{\"error\":\"invalid_token\"}");
                return;
            }
            if (message == null || method == null) {
                violations.add("not a JSON-RPC request: " + body);
                StsDouble.send(http, 400, rpcError(JsonValue.NULL, JsonRpcErrorCodes.PARSE_ERROR, "Parse error"));
                return;
            }
            JsonValue id = message.id();
            if (McpMethods.INITIALIZE.equals(method)) {
                initialize(http, message, id, owner.get());
                return;
            }
            String sessionId = http.getRequestHeaders().getFirst("Mcp-Session-Id");
            Session session = sessionId == null ? null : sessions.get(sessionId);
            if (sessionId == null) {
                violations.add(method + " without Mcp-Session-Id");
                StsDouble.send(http, 400, rpcError(id, JsonRpcErrorCodes.INVALID_REQUEST, "Mcp-Session-Id required"));
                return;
            }
            if (session == null) {
                http.sendResponseHeaders(404, -1);
                return;
            }
            if (!session.protocolVersion().equals(http.getRequestHeaders().getFirst("MCP-Protocol-Version"))) {
                violations.add(method + " with MCP-Protocol-Version "
                        + http.getRequestHeaders().getFirst("MCP-Protocol-Version"));
                StsDouble.send(http, 400, rpcError(id, JsonRpcErrorCodes.INVALID_REQUEST, "Bad MCP-Protocol-Version"));
                return;
            }
            if (id == null) {
                // A notification (notifications/initialized): accepted, no body.
                http.sendResponseHeaders(202, -1);
                return;
            }
            switch (method) {
                case McpMethods.TOOLS_LIST -> StsDouble.send(http, 200, rpcResult(id, TOOLS));
                case McpMethods.TOOLS_CALL -> call(http, message, id, owner.get(), token);
                default -> StsDouble.send(http, 200, rpcError(id, JsonRpcErrorCodes.METHOD_NOT_FOUND,
                        "Method not found: " + method));
            }
        }
    }

    private void initialize(HttpExchange http, JsonRpcMessage message, JsonValue id, String owner)
            throws IOException {
        String requested = message.params().getString("protocolVersion", null);
        String version = ProtocolVersion.of(requested).orElse(ProtocolVersion.LATEST).text();
        String sessionId = UUID.randomUUID().toString();
        sessions.put(sessionId, new Session(owner, version));
        http.getResponseHeaders().set("Mcp-Session-Id", sessionId);
        StsDouble.send(http, 200, rpcResult(id, new InitializeResult(version,
                Map.of("tools", JsonValue.EMPTY_JSON_OBJECT), Implementation.of("remote-assistant", "1"), null)));
    }

    private void call(HttpExchange http, JsonRpcMessage message, JsonValue id, String owner, String token)
            throws IOException {
        String name = message.params().getString("name", null);
        CallToolResult result;
        if ("whoami".equals(name)) {
            // The tool's own data (its text), not a protocol message.
            String text = Json.createObjectBuilder().add("owner", owner).add("tokenDigest", StsDouble.sha256(token))
                    .build().toString();
            result = new CallToolResult(List.of(new ContentBlock.Text(text)), false, null);
        } else if ("fail".equals(name)) {
            result = CallToolResult.error(FAIL_TEXT);
        } else {
            StsDouble.send(http, 200, rpcError(id, JsonRpcErrorCodes.INVALID_PARAMS, "Unknown tool: " + name));
            return;
        }
        StsDouble.send(http, 200, rpcResult(id, result));
    }

    private void checkHeaders(HttpExchange http) {
        String contentType = http.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("application/json")) {
            violations.add("Content-Type " + contentType);
        }
        String accept = String.valueOf(http.getRequestHeaders().getFirst("Accept"));
        if (!accept.contains("application/json") || !accept.contains("text/event-stream")) {
            violations.add("Accept " + accept);
        }
    }

    private static Tool tool(String name, String description) {
        return new Tool(name, null, description, OBJECT_SCHEMA, null, null);
    }

    private static String rpcResult(JsonValue id, Object result) {
        return WireJson.toJson(JsonRpcResponse.of(id, result));
    }

    private static String rpcError(JsonValue id, int code, String text) {
        return WireJson.toJson(JsonRpcErrorResponse.of(id, code, text));
    }

    /** The message, or null when the body is not one JSON-RPC message. */
    private static JsonRpcMessage parse(String body) {
        try {
            return JsonRpcCodec.parse(body);
        } catch (JsonRpcException e) {
            return null;
        }
    }
}
