package dev.delegatemcp.it.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import dev.delegatemcp.test.ApiDouble;
import dev.delegatemcp.test.TestHttpServer;
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
import dev.delegatemcp.wire.mcp.McpMeta;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import dev.delegatemcp.wire.mcp.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
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
 * As a 2025-11-25 server, it answers the {@code server/discover} probe of a dual-era client (a POST without a
 * session; MCP 2026-07-28, Versioning, Backward Compatibility) with 400 and -32600 "Mcp-Session-Id required", which
 * is no violation.
 * <p>
 * {@link #modern()} is the same server speaking MCP 2026-07-28 only, under {@value #MODERN_PREFIX} (paths
 * {@code assistant} and {@code failing}): {@code server/discover} answers a DiscoverResult listing 2026-07-28; every
 * request must be stateless (no {@code Mcp-Session-Id}, no {@code initialize}: a violation, answered 404 -32601),
 * with {@code MCP-Protocol-Version: 2026-07-28} equal to {@code _meta}'s protocolVersion, {@code Mcp-Method} equal
 * to the method and, for {@code tools/call}, {@code Mcp-Name} equal to the tool name (else a violation, answered 400
 * -32020), and {@code _meta.clientCapabilities} (else 400 -32602); results carry {@code resultType: "complete"}.
 * Its extra tool {@code ask} answers an {@code InputRequiredResult} (an elicitation), which the MCP server cannot
 * relay.
 * <p>
 * It records the Authorization header of every request, and every way a request broke the transport rules.
 */
public final class RemoteMcpDouble {

    public static final String ASSISTANT = "/remote-mcp/assistant";
    public static final String FAILING = "/remote-mcp/failing";
    /** Where {@link #modern()} serves: {@code assistant} and {@code failing} below it. */
    public static final String MODERN_PREFIX = "/remote-mcp-modern/";
    /** The 2026-07-28 revision the modern double speaks. */
    public static final String MODERN_VERSION = ProtocolVersion.MODERN.text();
    public static final String APP = "assistant-app";
    public static final String FAIL_TEXT = "The remote tool failed: the quota of this account is used up.";
    private static final JsonObject OBJECT_SCHEMA = Json.createObjectBuilder().add("type", "object").build();
    private static final ListToolsResult TOOLS = new ListToolsResult(List.of(
            tool("whoami", "Says whose connection token it received"), tool("fail", "Always fails")), null);
    private static final ListToolsResult MODERN_TOOLS = new ListToolsResult(List.of(
            tool("whoami", "Says whose connection token it received"), tool("fail", "Always fails"),
            tool("ask", "Asks the user a question (an input-required result)")), null);

    /**
     * One request: the path, the JSON-RPC method (null when unreadable), the Authorization header and the W3C
     * {@code traceparent} header (each null when absent).
     */
    public record Seen(String path, String method, String authorization, String traceparent) {
    }

    private record Session(String owner, String protocolVersion) {
    }

    private static final RemoteMcpDouble INSTANCE = new RemoteMcpDouble(false);

    /** Created on first use, so that the modern paths exist only for tests that use them. */
    private static final class Modern {
        static final RemoteMcpDouble INSTANCE = new RemoteMcpDouble(true);
    }

    private final boolean modern;
    private final String assistant;
    private final String failing;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    /** @param modern whether it speaks MCP 2026-07-28 only (stateless), under {@value #MODERN_PREFIX} */
    private RemoteMcpDouble(boolean modern) {
        this.modern = modern;
        String prefix = modern ? MODERN_PREFIX : "/remote-mcp/";
        this.assistant = prefix + "assistant";
        this.failing = prefix + "failing";
        TestRunDoubles.serve(prefix, this::handle);
    }

    /** The 2025-11-25 server, under {@code /remote-mcp/}. */
    public static RemoteMcpDouble get() {
        return INSTANCE;
    }

    /** The 2026-07-28 server, under {@value #MODERN_PREFIX}. */
    public static RemoteMcpDouble modern() {
        return Modern.INSTANCE;
    }

    /** The path of the assistant server ({@value #ASSISTANT} for the legacy one). */
    public String assistantPath() {
        return assistant;
    }

    /** The path of the server that answers HTTP 500 ({@value #FAILING} for the legacy one). */
    public String failingPath() {
        return failing;
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
            seen.add(new Seen(path, method, authorization, http.getRequestHeaders().getFirst("traceparent")));
            if (failing.equals(path)) {
                http.getResponseHeaders().set("Content-Type", "text/plain");
                byte[] bytes = ("internal error while serving " + authorization).getBytes(StandardCharsets.UTF_8);
                http.sendResponseHeaders(500, bytes.length);
                http.getResponseBody().write(bytes);
                return;
            }
            if (!assistant.equals(path) || !"POST".equals(http.getRequestMethod())) {
                violations.add(http.getRequestMethod() + " " + path);
                http.sendResponseHeaders(405, -1);
                return;
            }
            checkHeaders(http);
            String token = authorization != null && authorization.startsWith("Bearer ") ? authorization.substring(7)
                    : null;
            Optional<String> owner = token == null ? Optional.empty() : TestRunDoubles.vault().ownerOf(APP, token);
            if (owner.isEmpty()) {
                http.getResponseHeaders().set("WWW-Authenticate", "Bearer error=\"invalid_token\"");
                TestHttpServer.sendJson(http, 401, "{\"error\":\"invalid_token\"}");
                return;
            }
            if (message == null || method == null) {
                violations.add("not a JSON-RPC request: " + body);
                TestHttpServer.sendJson(http, 400,
                        rpcError(JsonValue.NULL, JsonRpcErrorCodes.PARSE_ERROR, "Parse error"));
                return;
            }
            JsonValue id = message.id();
            if (modern) {
                stateless(http, message, id, owner.get(), token);
                return;
            }
            if (McpMethods.INITIALIZE.equals(method)) {
                initialize(http, message, id, owner.get());
                return;
            }
            String sessionId = http.getRequestHeaders().getFirst("Mcp-Session-Id");
            Session session = sessionId == null ? null : sessions.get(sessionId);
            if (sessionId == null && McpMethods.SERVER_DISCOVER.equals(method)) {
                // A dual-era client's probe: what a 2025-11-25 server answers a request without a session.
                TestHttpServer.sendJson(http, 400,
                        rpcError(id, JsonRpcErrorCodes.INVALID_REQUEST, "Mcp-Session-Id required"));
                return;
            }
            if (sessionId == null) {
                violations.add(method + " without Mcp-Session-Id");
                TestHttpServer.sendJson(http, 400,
                        rpcError(id, JsonRpcErrorCodes.INVALID_REQUEST, "Mcp-Session-Id required"));
                return;
            }
            if (session == null) {
                http.sendResponseHeaders(404, -1);
                return;
            }
            if (!session.protocolVersion().equals(http.getRequestHeaders().getFirst("MCP-Protocol-Version"))) {
                violations.add(method + " with MCP-Protocol-Version "
                        + http.getRequestHeaders().getFirst("MCP-Protocol-Version"));
                TestHttpServer.sendJson(http, 400,
                        rpcError(id, JsonRpcErrorCodes.INVALID_REQUEST, "Bad MCP-Protocol-Version"));
                return;
            }
            if (id == null) {
                // A notification (notifications/initialized): accepted, no body.
                http.sendResponseHeaders(202, -1);
                return;
            }
            switch (method) {
                case McpMethods.TOOLS_LIST -> TestHttpServer.sendJson(http, 200, rpcResult(id, TOOLS));
                case McpMethods.TOOLS_CALL -> call(http, message, id, owner.get(), token);
                default -> TestHttpServer.sendJson(http, 200, rpcError(id, JsonRpcErrorCodes.METHOD_NOT_FOUND,
                        "Method not found: " + method));
            }
        }
    }

    /** A request to the 2026-07-28 server (MCP 2026-07-28, Transports, Streamable HTTP, Server Validation). */
    private void stateless(HttpExchange http, JsonRpcMessage message, JsonValue id, String owner, String token)
            throws IOException {
        String method = message.method();
        Headers headers = http.getRequestHeaders();
        if (headers.getFirst("Mcp-Session-Id") != null) {
            violations.add(method + " with Mcp-Session-Id to a 2026-07-28 server");
        }
        if (id == null) {
            violations.add("notification " + method + " to a 2026-07-28 server");
            http.sendResponseHeaders(202, -1);
            return;
        }
        JsonObject params = message.params();
        JsonObject meta = params == null ? null : params.getJsonObject("_meta");
        String version = meta == null ? null : meta.getString(McpMeta.PROTOCOL_VERSION, null);
        String header = headers.getFirst("MCP-Protocol-Version");
        if (header == null || !header.equals(version) || !method.equals(headers.getFirst("Mcp-Method"))) {
            violations.add(method + " with MCP-Protocol-Version " + header + ", _meta version " + version
                    + ", Mcp-Method " + headers.getFirst("Mcp-Method"));
            TestHttpServer.sendJson(http, 400, rpcError(id, JsonRpcErrorCodes.HEADER_MISMATCH, "Header mismatch"));
            return;
        }
        if (!(meta.get(McpMeta.CLIENT_CAPABILITIES) instanceof JsonObject)) {
            violations.add(method + " without _meta clientCapabilities");
            TestHttpServer.sendJson(http, 400, rpcError(id, JsonRpcErrorCodes.INVALID_PARAMS, "Invalid _meta"));
            return;
        }
        if (!MODERN_VERSION.equals(version)) {
            JsonObject data = Json.createObjectBuilder().add("supported", Json.createArrayBuilder().add(MODERN_VERSION))
                    .add("requested", version).build();
            TestHttpServer.sendJson(http, 400, WireJson.toJson(JsonRpcErrorResponse.of(id,
                    JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version", data)));
            return;
        }
        switch (method) {
            case McpMethods.SERVER_DISCOVER -> TestHttpServer.sendJson(http, 200,
                    rpcResult(id, Json.createObjectBuilder()
                            .add("supportedVersions", Json.createArrayBuilder().add(MODERN_VERSION))
                            .add("capabilities", Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT))
                            .add("_meta", Json.createObjectBuilder().add(McpMeta.SERVER_INFO, Json.createObjectBuilder()
                                    .add("name", "remote-assistant").add("version", "1")))
                            .add("resultType", "complete").add("ttlMs", 0).add("cacheScope", "private").build()));
            case McpMethods.TOOLS_LIST -> TestHttpServer.sendJson(http, 200, rpcResult(id, complete(MODERN_TOOLS)
                    .add("ttlMs", 0).add("cacheScope", "private").build()));
            case McpMethods.TOOLS_CALL -> {
                String name = params.getString("name", null);
                if (name == null || !name.equals(headers.getFirst("Mcp-Name"))) {
                    violations.add("tools/call " + name + " with Mcp-Name " + headers.getFirst("Mcp-Name"));
                    TestHttpServer.sendJson(http, 400,
                            rpcError(id, JsonRpcErrorCodes.HEADER_MISMATCH, "Header mismatch"));
                } else if ("ask".equals(name)) {
                    TestHttpServer.sendJson(http, 200, rpcResult(id, Json.createObjectBuilder()
                            .add("resultType", "input_required")
                            .add("inputRequests", Json.createObjectBuilder().add("user_name", Json.createObjectBuilder()
                                    .add("method", McpMethods.ELICITATION_CREATE)
                                    .add("params", Json.createObjectBuilder().add("message", "What is your name?")
                                            .add("requestedSchema", OBJECT_SCHEMA))))
                            .add("requestState", "opaque-state").build()));
                } else {
                    call(http, message, id, owner, token);
                }
            }
            default -> {
                if (McpMethods.INITIALIZE.equals(method)) {
                    violations.add("initialize to a 2026-07-28 server");
                }
                TestHttpServer.sendJson(http, 404, rpcError(id, JsonRpcErrorCodes.METHOD_NOT_FOUND,
                        "Method not found: " + method));
            }
        }
    }

    /** The result as a JSON object with {@code resultType: "complete"}, for more members. */
    private static JsonObjectBuilder complete(Object result) {
        try (JsonReader reader = Json.createReader(new StringReader(WireJson.toJson(result)))) {
            return Json.createObjectBuilder(reader.readObject()).add("resultType", "complete");
        }
    }

    private void initialize(HttpExchange http, JsonRpcMessage message, JsonValue id, String owner)
            throws IOException {
        String requested = message.params().getString("protocolVersion", null);
        String version = ProtocolVersion.of(requested).orElse(ProtocolVersion.LATEST).text();
        String sessionId = UUID.randomUUID().toString();
        sessions.put(sessionId, new Session(owner, version));
        http.getResponseHeaders().set("Mcp-Session-Id", sessionId);
        TestHttpServer.sendJson(http, 200, rpcResult(id, new InitializeResult(version,
                Map.of("tools", JsonValue.EMPTY_JSON_OBJECT), Implementation.of("remote-assistant", "1"), null)));
    }

    private void call(HttpExchange http, JsonRpcMessage message, JsonValue id, String owner, String token)
            throws IOException {
        String name = message.params().getString("name", null);
        CallToolResult result;
        if ("whoami".equals(name)) {
            // The tool's own data (its text), not a protocol message.
            String text = Json.createObjectBuilder().add("owner", owner).add("tokenDigest", ApiDouble.digest(token))
                    .build().toString();
            result = new CallToolResult(List.of(new ContentBlock.Text(text)), false, null);
        } else if ("fail".equals(name)) {
            result = CallToolResult.error(FAIL_TEXT);
        } else {
            TestHttpServer.sendJson(http, 200, rpcError(id, JsonRpcErrorCodes.INVALID_PARAMS, "Unknown tool: " + name));
            return;
        }
        TestHttpServer.sendJson(http, 200, modern ? rpcResult(id, complete(result).build()) : rpcResult(id, result));
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
