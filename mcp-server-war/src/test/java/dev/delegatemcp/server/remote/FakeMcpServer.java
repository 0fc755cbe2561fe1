package dev.delegatemcp.server.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import dev.delegatemcp.wire.jsonrpc.JsonRpcNotification;
import dev.delegatemcp.wire.jsonrpc.JsonRpcRequest;
import dev.delegatemcp.wire.jsonrpc.JsonRpcResponse;
import dev.delegatemcp.wire.mcp.CallToolResult;
import dev.delegatemcp.wire.mcp.ContentBlock;
import dev.delegatemcp.wire.mcp.Implementation;
import dev.delegatemcp.wire.mcp.InitializeResult;
import dev.delegatemcp.wire.mcp.ListToolsResult;
import dev.delegatemcp.wire.mcp.McpMeta;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.Tool;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

/**
 * A remote MCP server for the tests, on the JDK's HTTP server at an ephemeral loopback port ({@code /mcp}). By
 * default it behaves: initialize issues a session id, notifications get 202, tools/list pages through
 * {@link #toolPages}, tools/call answers {@link #toolResult}; requests without the live session id get 404. It
 * records every request. Tests change its behaviour through the public fields and {@link #on}.
 */
final class FakeMcpServer implements AutoCloseable {

    /** One request as received. Header names are lower case. */
    record Received(String httpMethod, Map<String, List<String>> headers, String body) {

        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        String rpcMethod() {
            return json().getString("method", null);
        }

        JsonValue id() {
            return json().get("id");
        }

        JsonObject params() {
            return json().getJsonObject("params");
        }
    }

    /** What to answer: status, headers, body (empty for none). */
    record Reply(int status, Map<String, String> headers, String body) {

        static Reply status(int status) {
            return new Reply(status, Map.of(), "");
        }

        /** 200 with this JSON text (e.g. from {@link FakeMcpServer#response}) as {@code application/json}. */
        static Reply json(String body) {
            return new Reply(200, Map.of("Content-Type", "application/json"), body);
        }

        static Reply json(JsonObject body) {
            return json(body.toString());
        }

        static Reply text(int status, String contentType, String body) {
            return new Reply(status, Map.of("Content-Type", contentType), body);
        }

        /** An event stream made of these raw events (each gets its terminating blank line). */
        static Reply sse(String... events) {
            return new Reply(200, Map.of("Content-Type", "text/event-stream"),
                    String.join("", List.of(events).stream().map(event -> event + "\n\n").toList()));
        }

        Reply withHeader(String name, String value) {
            Map<String, String> all = new LinkedHashMap<>(headers);
            all.put(name, value);
            return new Reply(status, all, body);
        }
    }

    /** Writes the answer itself, e.g. to stream slowly or never finish. */
    interface RawHandler {
        void handle(HttpExchange exchange, Received request) throws Exception;
    }

    /**
     * Whether the server speaks MCP 2026-07-28 only (modern): {@code server/discover} answers
     * {@link #supportedVersions}; each request must carry {@code MCP-Protocol-Version} and {@code Mcp-Method} equal to
     * its body (else 400 -32020) and {@code _meta} with a supported protocolVersion (else 400 -32602 or -32022);
     * no sessions; results carry {@code resultType: "complete"}; {@code initialize} and unknown methods get 404 with
     * -32601.
     */
    volatile boolean modern;
    /** The versions a modern server supports. */
    volatile List<String> supportedVersions = List.of("2026-07-28");
    /** The protocol version the server answers initialize with. */
    volatile String protocolVersion = "2025-11-25";
    /** Whether initialize issues an Mcp-Session-Id (and later requests must carry it). */
    volatile boolean issueSessions = true;
    /** Whether requests are answered as an event stream with a priming event and a notification first. */
    volatile boolean answerWithEventStream;
    /** When set, a request without exactly this header value gets 401. */
    volatile String requiredHeaderName;
    volatile String requiredHeaderValue;
    /** The pages of tools/list; the cursor of page i is "page-i". */
    volatile List<List<Tool>> toolPages = List.of(List.of(tool("echo")));
    /** The tools/call result (a record or JSON-P object) for the params received. */
    volatile Function<JsonObject, Object> toolResult = params -> result("called " + params.getString("name"));

    private static final JsonObject OBJECT_SCHEMA = Json.createReader(new StringReader("{\"type\":\"object\"}"))
            .readObject();

    private final HttpServer server;
    private final ExecutorService executor;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Set<String> liveSessions = ConcurrentHashMap.newKeySet();
    private final AtomicInteger sessions = new AtomicInteger();
    private final Map<String, Function<Received, Reply>> overrides = new ConcurrentHashMap<>();
    private final Map<String, RawHandler> rawOverrides = new ConcurrentHashMap<>();
    /** Released on close, for handlers that hang. */
    final CountDownLatch closing = new CountDownLatch(1);

    static {
        // Without TCP_NODELAY each answer (headers, then body) waits ~40 ms for the client's delayed ACK.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    FakeMcpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-mcp-server");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/mcp", this::handle);
        server.start();
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/mcp");
    }

    /** Answers requests of this JSON-RPC method (before any other check) with the function's reply, if not null. */
    void on(String rpcMethod, Function<Received, Reply> reply) {
        overrides.put(rpcMethod, reply);
    }

    /** Answers requests of this JSON-RPC method by writing to the exchange directly. */
    void onRaw(String rpcMethod, RawHandler handler) {
        rawOverrides.put(rpcMethod, handler);
    }

    /** Every live session ends: the next request that carries one gets 404. */
    void expireSessions() {
        liveSessions.clear();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<Received> received(String rpcMethod) {
        return received.stream().filter(request -> rpcMethod.equals(request.rpcMethod())).toList();
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        executor.shutdownNow();
    }

    // ------------------------------------------------------------------------------------------------ JSON help

    static Tool tool(String name) {
        return new Tool(name, null, "The " + name + " tool", OBJECT_SCHEMA, null, null);
    }

    /** A tool descriptor given as JSON, e.g. with members a test wants to see mapped. */
    static Tool tool(JsonObject json) {
        return WireJson.fromJson(json, Tool.class);
    }

    static CallToolResult result(String text) {
        return new CallToolResult(List.of(new ContentBlock.Text(text)), false, null);
    }

    static String response(Received request, Object result) {
        return response(request.id(), result);
    }

    /** The JSON text of a success response carrying {@code result} (a record or JSON-P value). */
    static String response(JsonValue id, Object result) {
        return WireJson.toJson(JsonRpcResponse.of(id, result));
    }

    static String error(Received request, int code, String message) {
        return WireJson.toJson(JsonRpcErrorResponse.of(request.id(), code, message));
    }

    static String notification(String method) {
        return WireJson.toJson(JsonRpcNotification.of(method, Map.of("progress", 1)));
    }

    // -------------------------------------------------------------------------------------------------- serving

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT),
                    List.copyOf(values)));
            Received request = new Received(exchange.getRequestMethod(), headers, body);
            received.add(request);
            String rpcMethod = request.rpcMethod();
            RawHandler raw = rawOverrides.get(rpcMethod);
            if (raw != null) {
                raw.handle(exchange, request);
                return;
            }
            write(exchange, answer(request, rpcMethod));
        } catch (Exception e) {
            if (!(e instanceof IOException || e instanceof InterruptedException)) {
                e.printStackTrace();
            }
        }
    }

    private Reply answer(Received request, String rpcMethod) {
        Function<Received, Reply> override = overrides.get(rpcMethod);
        Reply overridden = override == null ? null : override.apply(request);
        if (overridden != null) {
            return overridden;
        }
        if (requiredHeaderName != null && !requiredHeaderValue.equals(request.header(requiredHeaderName))) {
            return Reply.status(401).withHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        }
        if (modern) {
            return modernAnswer(request, rpcMethod);
        }
        if (rpcMethod.equals(McpMethods.INITIALIZE)) {
            InitializeResult result = new InitializeResult(protocolVersion,
                    Map.of("tools", JsonValue.EMPTY_JSON_OBJECT), Implementation.of("fake", "1"), null);
            Reply reply = answer(request, result);
            if (issueSessions) {
                String session = "session-" + sessions.incrementAndGet();
                liveSessions.add(session);
                reply = reply.withHeader("Mcp-Session-Id", session);
            }
            return reply;
        }
        if (issueSessions) {
            String session = request.header("Mcp-Session-Id");
            if (session == null) {
                return Reply.status(400);
            }
            if (!liveSessions.contains(session)) {
                return Reply.status(404);
            }
        }
        if (rpcMethod.startsWith("notifications/")) {
            return Reply.status(202);
        }
        switch (rpcMethod) {
            case McpMethods.TOOLS_LIST: {
                String cursor = request.params() == null ? null : request.params().getString("cursor", null);
                int page = cursor == null ? 0 : Integer.parseInt(cursor.substring("page-".length()));
                String next = page + 1 < toolPages.size() ? "page-" + (page + 1) : null;
                return answer(request, new ListToolsResult(toolPages.get(page), next));
            }
            case McpMethods.TOOLS_CALL:
                return answer(request, toolResult.apply(request.params()));
            default:
                return Reply.json(error(request, JsonRpcErrorCodes.METHOD_NOT_FOUND, "Method not found: " + rpcMethod));
        }
    }

    /** A stateless request to a modern server (MCP 2026-07-28, Transports, Streamable HTTP, Server Validation). */
    private Reply modernAnswer(Received request, String rpcMethod) {
        JsonObject params = request.params();
        JsonObject meta = params == null ? null : params.getJsonObject("_meta");
        String version = meta == null ? null : meta.getString(McpMeta.PROTOCOL_VERSION, null);
        if (!rpcMethod.equals(request.header("Mcp-Method")) || request.header("MCP-Protocol-Version") == null
                || !request.header("MCP-Protocol-Version").equals(version)) {
            return errorReply(400, request, JsonRpcErrorCodes.HEADER_MISMATCH, "Header mismatch", null);
        }
        if (meta.get(McpMeta.CLIENT_CAPABILITIES) == null) {
            return errorReply(400, request, JsonRpcErrorCodes.INVALID_PARAMS, "Invalid _meta", null);
        }
        if (!supportedVersions.contains(version)) {
            JsonObject data = Json.createObjectBuilder().add("supported", Json.createArrayBuilder(supportedVersions))
                    .add("requested", version).build();
            return errorReply(400, request, JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
                    "Unsupported protocol version", data);
        }
        switch (rpcMethod) {
            case McpMethods.SERVER_DISCOVER:
                return answer(request, Json.createObjectBuilder()
                        .add("supportedVersions", Json.createArrayBuilder(supportedVersions))
                        .add("capabilities", Json.createObjectBuilder().add("tools", JsonValue.EMPTY_JSON_OBJECT))
                        .add("resultType", "complete").add("ttlMs", 0).add("cacheScope", "private").build());
            case McpMethods.TOOLS_LIST: {
                String cursor = params.getString("cursor", null);
                int page = cursor == null ? 0 : Integer.parseInt(cursor.substring("page-".length()));
                String next = page + 1 < toolPages.size() ? "page-" + (page + 1) : null;
                JsonObject result = Json.createObjectBuilder(asObject(new ListToolsResult(toolPages.get(page), next)))
                        .add("resultType", "complete").add("ttlMs", 0).add("cacheScope", "private").build();
                return answer(request, result);
            }
            case McpMethods.TOOLS_CALL: {
                String name = params.getString("name");
                String header = request.header("Mcp-Name");
                String expected = name.chars().allMatch(c -> c >= 0x20 && c <= 0x7E) ? name
                        : "=?base64?" + Base64.getEncoder().encodeToString(name.getBytes(StandardCharsets.UTF_8))
                                + "?=";
                if (!expected.equals(header)) {
                    return errorReply(400, request, JsonRpcErrorCodes.HEADER_MISMATCH, "Header mismatch", null);
                }
                JsonObject result = asObject(toolResult.apply(params));
                return answer(request, result.containsKey("resultType") ? result
                        : Json.createObjectBuilder(result).add("resultType", "complete").build());
            }
            default:
                return errorReply(404, request, JsonRpcErrorCodes.METHOD_NOT_FOUND, "Method not found", null);
        }
    }

    private static JsonObject asObject(Object value) {
        if (value instanceof JsonObject object) {
            return object;
        }
        try (JsonReader reader = Json.createReader(new StringReader(WireJson.toJson(value)))) {
            return reader.readObject();
        }
    }

    /** A JSON-RPC error with this HTTP status and optional data. */
    static Reply errorReply(int status, Received request, int code, String message, JsonValue data) {
        return new Reply(status, Map.of("Content-Type", "application/json"),
                WireJson.toJson(JsonRpcErrorResponse.of(request.id(), code, message, data)));
    }

    private Reply answer(Received request, Object result) {
        if (!answerWithEventStream) {
            return Reply.json(response(request, result));
        }
        // A priming event (id, empty data), a notification and a server request before the response.
        String ping = WireJson.toJson(JsonRpcRequest.of(Json.createValue("server-1"), McpMethods.PING, null));
        return Reply.sse("id: 0\ndata:", "event: message\ndata: " + notification("notifications/progress"),
                "data: " + ping, "id: 1\ndata: " + response(request, result));
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
        byte[] bytes = reply.body().getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Starts a chunked event stream and writes these raw events, flushed, for {@link #onRaw} handlers. */
    static OutputStream startEventStream(HttpExchange exchange, String... events) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, 0);
        OutputStream out = exchange.getResponseBody();
        for (String event : events) {
            out.write((event + "\n\n").getBytes(StandardCharsets.UTF_8));
        }
        out.flush();
        return out;
    }

    /** Blocks a handler until the server closes (at most a minute). */
    void hang() throws InterruptedException {
        closing.await(1, TimeUnit.MINUTES);
    }

    static List<List<Tool>> pages(int count, int perPage) {
        List<List<Tool>> pages = new ArrayList<>();
        for (int page = 0; page < count; page++) {
            List<Tool> tools = new ArrayList<>();
            for (int i = 0; i < perPage; i++) {
                tools.add(tool("tool_" + page + "_" + i));
            }
            pages.add(tools);
        }
        return pages;
    }
}
