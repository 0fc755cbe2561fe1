package dev.delegatemcp.it.support;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import com.sun.net.httpserver.HttpExchange;

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
    private static final Set<String> VERSIONS = Set.of("2025-11-25", "2025-06-18", "2025-03-26");

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
            JsonObject message = parse(body);
            String method = message != null && message.get("method") instanceof JsonString m ? m.getString() : null;
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
                StsDouble.send(http, 400, rpcError(JsonValue.NULL, -32700, "Parse error"));
                return;
            }
            JsonValue id = message.get("id");
            if ("initialize".equals(method)) {
                initialize(http, message, id, owner.get());
                return;
            }
            String sessionId = http.getRequestHeaders().getFirst("Mcp-Session-Id");
            Session session = sessionId == null ? null : sessions.get(sessionId);
            if (sessionId == null) {
                violations.add(method + " without Mcp-Session-Id");
                StsDouble.send(http, 400, rpcError(id, -32600, "Mcp-Session-Id required"));
                return;
            }
            if (session == null) {
                http.sendResponseHeaders(404, -1);
                return;
            }
            if (!session.protocolVersion().equals(http.getRequestHeaders().getFirst("MCP-Protocol-Version"))) {
                violations.add(method + " with MCP-Protocol-Version "
                        + http.getRequestHeaders().getFirst("MCP-Protocol-Version"));
                StsDouble.send(http, 400, rpcError(id, -32600, "Bad MCP-Protocol-Version"));
                return;
            }
            if (id == null) {
                // A notification (notifications/initialized): accepted, no body.
                http.sendResponseHeaders(202, -1);
                return;
            }
            switch (method) {
                case "tools/list" -> StsDouble.send(http, 200, rpcResult(id, Json.createObjectBuilder()
                        .add("tools", Json.createArrayBuilder()
                                .add(tool("whoami", "Says whose connection token it received"))
                                .add(tool("fail", "Always fails")))
                        .build()));
                case "tools/call" -> call(http, message, id, owner.get(), token);
                default -> StsDouble.send(http, 200, rpcError(id, -32601, "Method not found: " + method));
            }
        }
    }

    private void initialize(HttpExchange http, JsonObject message, JsonValue id, String owner) throws IOException {
        JsonObject params = message.getJsonObject("params");
        String requested = params == null ? null : params.getString("protocolVersion", null);
        String version = VERSIONS.contains(requested) ? requested : "2025-11-25";
        String sessionId = UUID.randomUUID().toString();
        sessions.put(sessionId, new Session(owner, version));
        http.getResponseHeaders().set("Mcp-Session-Id", sessionId);
        StsDouble.send(http, 200, rpcResult(id, Json.createObjectBuilder()
                .add("protocolVersion", version)
                .add("capabilities", Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT))
                .add("serverInfo", Json.createObjectBuilder().add("name", "remote-assistant").add("version", "1"))
                .build()));
    }

    private void call(HttpExchange http, JsonObject message, JsonValue id, String owner, String token)
            throws IOException {
        JsonObject params = message.getJsonObject("params");
        String name = params == null ? null : params.getString("name", null);
        JsonObject result;
        if ("whoami".equals(name)) {
            String text = Json.createObjectBuilder().add("owner", owner).add("tokenDigest", StsDouble.sha256(token))
                    .build().toString();
            result = Json.createObjectBuilder().add("content", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("type", "text").add("text", text))).add("isError", false)
                    .build();
        } else if ("fail".equals(name)) {
            result = Json.createObjectBuilder().add("content", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("type", "text").add("text", FAIL_TEXT))).add("isError", true)
                    .build();
        } else {
            StsDouble.send(http, 200, rpcError(id, -32602, "Unknown tool: " + name));
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

    private static JsonObject tool(String name, String description) {
        return Json.createObjectBuilder().add("name", name).add("description", description)
                .add("inputSchema", Json.createObjectBuilder().add("type", "object")).build();
    }

    private static String rpcResult(JsonValue id, JsonObject result) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("result", result).build().toString();
    }

    private static String rpcError(JsonValue id, int code, String text) {
        return Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id == null ? JsonValue.NULL : id)
                .add("error", Json.createObjectBuilder().add("code", code).add("message", text)).build().toString();
    }

    private static JsonObject parse(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
