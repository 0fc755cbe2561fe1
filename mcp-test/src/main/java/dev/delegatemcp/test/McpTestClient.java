package dev.delegatemcp.test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * A fluent MCP client for tests: connects to a server's Streamable HTTP endpoint with a bearer token, initializes a
 * session, and lists and calls tools, reads resources and gets prompts, returning results a JUnit 5 test asserts on.
 * It speaks MCP 2025-11-25 (Basic, Transports, "Streamable HTTP"; the revision is settable): each request is a POST
 * with {@code Accept: application/json, text/event-stream}, its answer JSON or an event stream that it reads to the
 * response, collecting the notifications (progress, log messages) and answering the server's requests on the way
 * (sampling and elicitation with the canned answers given to the builder, roots, ping). A stream that ends before the
 * response is resumed with {@code Last-Event-ID} (same section, "Resumability and Redelivery").
 *
 * <pre>{@code
 * try (McpTestClient mcp = McpTestClient.to(endpoint).bearerToken(token).connect()) {
 *     mcp.callTool("greet", Map.of("name", "Ada")).assertSuccess().assertTextContains("Hello, Ada");
 * }
 * }</pre>
 *
 * <p>Errors: a JSON-RPC error answer throws {@link McpErrorException}; an HTTP status other than 200 or 202 throws
 * {@link McpHttpException} (401 and 403 carry {@code WWW-Authenticate}); a tool's own failure is a {@link ToolResult}
 * with {@code isError}. Once connected, a client may send requests from several threads at once (a load test); each
 * request's notifications stay with its own response.
 */
public final class McpTestClient implements AutoCloseable {

    /** The protocol revision it asks for unless told otherwise. */
    public static final String DEFAULT_PROTOCOL_VERSION = "2025-11-25";

    private final Builder settings;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();
    private String sessionId;
    private String protocolVersion;
    private JsonObject initializeResult;

    private McpTestClient(Builder settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.protocolVersion = settings.protocolVersion;
    }

    /** A client of the MCP endpoint at that URL (e.g. {@code http://localhost:9080/mcp-server/mcp}). */
    public static Builder to(URI endpoint) {
        return new Builder(Objects.requireNonNull(endpoint, "endpoint"));
    }

    /** A client of the MCP endpoint at that URL. */
    public static Builder to(String endpoint) {
        return to(URI.create(endpoint));
    }

    /** What the client sends and how it answers the server; {@link #connect()} makes the client. */
    public static final class Builder {
        private final URI endpoint;
        private String token;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String protocolVersion = DEFAULT_PROTOCOL_VERSION;
        private String clientName = "mcp-test";
        private String clientVersion = "1.0";
        private Function<JsonObject, String> sampling;
        private Function<JsonObject, ElicitationReply> elicitation;
        private List<String> roots;
        private String logLevel;
        private Duration timeout = Duration.ofSeconds(30);

        private Builder(URI endpoint) {
            this.endpoint = endpoint;
        }

        /** Sends {@code Authorization: Bearer <token>} with every request (RFC 6750 section 2.1). */
        public Builder bearerToken(String accessToken) {
            this.token = accessToken;
            return this;
        }

        /** Sends this header with every request too. */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** The protocol revision to ask for at initialize; {@value McpTestClient#DEFAULT_PROTOCOL_VERSION} by default. */
        public Builder protocolVersion(String version) {
            this.protocolVersion = version;
            return this;
        }

        /** The {@code clientInfo} sent at initialize. */
        public Builder clientInfo(String name, String version) {
            this.clientName = name;
            this.clientVersion = version;
            return this;
        }

        /**
         * Declares the {@code sampling} capability and answers each {@code sampling/createMessage} with an assistant
         * text message: the function gets the request's {@code params} and returns the text, or null to refuse (a
         * JSON-RPC error -1, "User rejected sampling request", as the specification's example).
         */
        public Builder onSampling(Function<JsonObject, String> answer) {
            this.sampling = answer;
            return this;
        }

        /**
         * Declares the {@code elicitation} capability (form and URL modes) and answers each {@code elicitation/create}
         * with what the function returns for the request's {@code params} (whose {@code mode} says which).
         */
        public Builder onElicitation(Function<JsonObject, ElicitationReply> answer) {
            this.elicitation = answer;
            return this;
        }

        /** Declares the {@code roots} capability and answers {@code roots/list} with these URIs. */
        public Builder roots(String... uris) {
            this.roots = List.of(uris);
            return this;
        }

        /**
         * Sets the session's log level with {@code logging/setLevel} right after initialize (debug, info, notice,
         * warning, error...), so that tools' log messages reach {@link ToolResult#logs()}.
         */
        public Builder logLevel(String level) {
            this.logLevel = level;
            return this;
        }

        /** How long one request may take, its stream included; 30 seconds by default. */
        public Builder timeout(Duration requestTimeout) {
            this.timeout = requestTimeout;
            return this;
        }

        /**
         * Initializes a session: {@code initialize}, then {@code notifications/initialized}, then the log level if set.
         *
         * @throws McpHttpException when the server refuses (401 without a valid token, ...)
         * @throws McpErrorException when initialize is answered with a JSON-RPC error
         */
        public McpTestClient connect() {
            McpTestClient client = new McpTestClient(this);
            client.initialize();
            return client;
        }
    }

    private void initialize() {
        JsonObjectBuilder capabilities = Json.createObjectBuilder();
        if (settings.sampling != null) {
            capabilities.add("sampling", JsonValue.EMPTY_JSON_OBJECT);
        }
        if (settings.elicitation != null) {
            capabilities.add("elicitation", Json.createObjectBuilder().add("form", JsonValue.EMPTY_JSON_OBJECT)
                    .add("url", JsonValue.EMPTY_JSON_OBJECT));
        }
        if (settings.roots != null) {
            capabilities.add("roots", Json.createObjectBuilder().add("listChanged", false));
        }
        JsonObject params = Json.createObjectBuilder().add("protocolVersion", settings.protocolVersion)
                .add("capabilities", capabilities)
                .add("clientInfo", Json.createObjectBuilder().add("name", settings.clientName)
                        .add("version", settings.clientVersion))
                .build();
        initializeResult = request("initialize", params).result();
        protocolVersion = initializeResult.getString("protocolVersion");
        notify("notifications/initialized", null);
        if (settings.logLevel != null) {
            request("logging/setLevel", Json.createObjectBuilder().add("level", settings.logLevel).build()).result();
        }
    }

    // ------------------------------------------------------------------------------------------ the session

    /** The session id the server gave ({@code Mcp-Session-Id}), or null when it keeps none. */
    public String sessionId() {
        return sessionId;
    }

    /** The protocol revision the server chose. */
    public String protocolVersion() {
        return protocolVersion;
    }

    /** The server's answer to initialize: {@code protocolVersion}, {@code capabilities}, {@code serverInfo}... */
    public JsonObject initializeResult() {
        return initializeResult;
    }

    /** The server's {@code capabilities}. */
    public JsonObject serverCapabilities() {
        return initializeResult.getJsonObject("capabilities");
    }

    // ------------------------------------------------------------------------------------------ features

    /** Every tool of {@code tools/list}, all pages, in order. */
    public List<JsonObject> listTools() {
        return listAll("tools/list", "tools");
    }

    /** The names of every tool, in order. */
    public List<String> toolNames() {
        return listTools().stream().map(tool -> tool.getString("name")).toList();
    }

    /**
     * Calls a tool with these arguments (String, Number, Boolean, List, Map values), asking for progress.
     *
     * @throws McpErrorException for an unknown tool or invalid arguments (-32602), or another JSON-RPC error
     */
    public ToolResult callTool(String name, Map<String, ?> arguments) {
        return callTool(name, Json.createObjectBuilder(new LinkedHashMap<String, Object>(arguments)).build());
    }

    /** Calls a tool with these arguments (a JSON object). */
    public ToolResult callTool(String name, JsonObject arguments) {
        long id = ids.incrementAndGet();
        JsonObject params = Json.createObjectBuilder().add("name", name).add("arguments", arguments)
                .add("_meta", Json.createObjectBuilder().add("progressToken", "progress-" + id)).build();
        return new ToolResult(name, request(id, "tools/call", params));
    }

    /** Every resource of {@code resources/list}, all pages. */
    public List<JsonObject> listResources() {
        return listAll("resources/list", "resources");
    }

    /** Every resource template of {@code resources/templates/list}, all pages. */
    public List<JsonObject> listResourceTemplates() {
        return listAll("resources/templates/list", "resourceTemplates");
    }

    /** The {@code contents} of {@code resources/read} for that URI. */
    public JsonArray readResource(String uri) {
        return request("resources/read", Json.createObjectBuilder().add("uri", uri).build()).result()
                .getJsonArray("contents");
    }

    /** The text of the first content of that resource (null when it has none or it is binary). */
    public String readResourceText(String uri) {
        JsonArray contents = readResource(uri);
        return contents.isEmpty() ? null : contents.getJsonObject(0).getString("text", null);
    }

    /** Every prompt of {@code prompts/list}, all pages. */
    public List<JsonObject> listPrompts() {
        return listAll("prompts/list", "prompts");
    }

    /** The result of {@code prompts/get} ({@code description}, {@code messages}) with these arguments. */
    public JsonObject getPrompt(String name, Map<String, String> arguments) {
        return request("prompts/get", Json.createObjectBuilder().add("name", name)
                .add("arguments", Json.createObjectBuilder(new LinkedHashMap<String, Object>(arguments))).build())
                .result();
    }

    /** {@code ping}: succeeds when the server answers. */
    public void ping() {
        request("ping", null).result();
    }

    private List<JsonObject> listAll(String method, String member) {
        List<JsonObject> all = new ArrayList<>();
        String cursor = null;
        do {
            JsonObject result = request(method, cursor == null ? null
                    : Json.createObjectBuilder().add("cursor", cursor).build()).result();
            result.getJsonArray(member).forEach(item -> all.add(item.asJsonObject()));
            cursor = result.get("nextCursor") instanceof JsonString next ? next.getString() : null;
        } while (cursor != null);
        return all;
    }

    // ------------------------------------------------------------------------------------------ JSON-RPC

    /**
     * Sends any request and returns the server's answer, whatever it is: the way to test methods this client has no
     * shortcut for, and error answers ({@link McpResponse#isError()}).
     *
     * @param params the request's {@code params}, or null for none
     * @throws McpHttpException when the HTTP status is not 200
     */
    public McpResponse request(String method, JsonObject params) {
        return request(ids.incrementAndGet(), method, params);
    }

    private McpResponse request(long id, String method, JsonObject params) {
        JsonObjectBuilder message =
                Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method);
        if (params != null) {
            message.add("params", params);
        }
        HttpResponse<InputStream> response = post(message.build(), method);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if ("initialize".equals(method)) {
            sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        }
        if (response.statusCode() != 200) {
            throw new McpHttpException(method, response.statusCode(), response.headers(), readAll(response));
        }
        if (contentType.startsWith("application/json")) {
            return new McpResponse(method, parse(readAll(response)), List.of(), List.of());
        }
        if (!contentType.startsWith("text/event-stream")) {
            throw new McpHttpException(method, response.statusCode(), response.headers(), readAll(response));
        }
        return readStream(method, id, response);
    }

    /** Sends a notification (no answer but HTTP 202). */
    public void notify(String method, JsonObject params) {
        JsonObjectBuilder message = Json.createObjectBuilder().add("jsonrpc", "2.0").add("method", method);
        if (params != null) {
            message.add("params", params);
        }
        expectAccepted(post(message.build(), method), method);
    }

    /** Ends the session ({@code DELETE}); a server that does not allow it (405) is fine. */
    @Override
    public void close() {
        if (sessionId == null) {
            return;
        }
        try {
            http.send(authorized(HttpRequest.newBuilder(settings.endpoint)).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the server may be gone already; nothing to end then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sessionId = null;
        }
    }

    /** Reads an event stream up to the response with that id, answering server requests and resuming if it ends. */
    private McpResponse readStream(String method, long id, HttpResponse<InputStream> first) {
        List<JsonObject> notifications = new ArrayList<>();
        List<JsonObject> serverRequests = new ArrayList<>();
        HttpResponse<InputStream> response = first;
        String lastEventId = null;
        for (int resumes = 0; resumes <= 3; resumes++) {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                StringBuilder data = new StringBuilder();
                for (String line; (line = reader.readLine()) != null;) {
                    if (line.startsWith("data:")) {
                        data.append(data.length() == 0 ? "" : "\n").append(field(line, 5));
                    } else if (line.startsWith("id:")) {
                        lastEventId = field(line, 3);
                    } else if (line.isEmpty() && data.length() > 0) {
                        JsonObject message = parse(data.toString());
                        data.setLength(0);
                        if (message.containsKey("method") && message.containsKey("id")) {
                            serverRequests.add(message);
                            answer(message);
                        } else if (message.containsKey("method")) {
                            notifications.add(message);
                        } else if (sameId(message, id)) {
                            return new McpResponse(method, message, List.copyOf(notifications),
                                    List.copyOf(serverRequests));
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(method + ": reading the event stream failed", e);
            }
            if (lastEventId == null) {
                break;
            }
            response = resume(method, lastEventId);
        }
        throw new AssertionError(method + ": the event stream ended without a response");
    }

    private HttpResponse<InputStream> resume(String method, String lastEventId) {
        try {
            HttpResponse<InputStream> resumed = http.send(authorized(HttpRequest.newBuilder(settings.endpoint))
                    .header("Accept", "text/event-stream").header("Last-Event-ID", lastEventId).GET().build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (resumed.statusCode() != 200) {
                throw new McpHttpException(method + " (resuming)", resumed.statusCode(), resumed.headers(),
                        readAll(resumed));
            }
            return resumed;
        } catch (IOException e) {
            throw new UncheckedIOException(method + ": resuming the event stream failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Answers one request of the server with the builder's canned answers. */
    private void answer(JsonObject request) {
        String method = request.getString("method");
        JsonObject params = request.containsKey("params") ? request.getJsonObject("params")
                : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder reply = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", request.get("id"));
        switch (method) {
            case "ping" -> reply.add("result", JsonValue.EMPTY_JSON_OBJECT);
            case "roots/list" -> {
                if (settings.roots == null) {
                    reply.add("error", error(-32601, "Method not found"));
                } else {
                    var roots = Json.createArrayBuilder();
                    settings.roots.forEach(uri -> roots.add(Json.createObjectBuilder().add("uri", uri)));
                    reply.add("result", Json.createObjectBuilder().add("roots", roots));
                }
            }
            case "sampling/createMessage" -> {
                String text = settings.sampling == null ? null : settings.sampling.apply(params);
                if (settings.sampling == null) {
                    reply.add("error", error(-32601, "Method not found"));
                } else if (text == null) {
                    reply.add("error", error(-1, "User rejected sampling request"));
                } else {
                    reply.add("result", Json.createObjectBuilder().add("role", "assistant")
                            .add("content", Json.createObjectBuilder().add("type", "text").add("text", text))
                            .add("model", "mcp-test").add("stopReason", "endTurn"));
                }
            }
            case "elicitation/create" -> {
                if (settings.elicitation == null) {
                    reply.add("error", error(-32601, "Method not found"));
                } else {
                    reply.add("result", settings.elicitation.apply(params).result());
                }
            }
            default -> reply.add("error", error(-32601, "Method not found"));
        }
        expectAccepted(post(reply.build(), method + " (answer)"), method + " (answer)");
    }

    private static JsonObject error(int code, String message) {
        return Json.createObjectBuilder().add("code", code).add("message", message).build();
    }

    private HttpResponse<InputStream> post(JsonObject message, String what) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(settings.endpoint))
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString()));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": the request to " + settings.endpoint + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder authorized(HttpRequest.Builder request) {
        request.timeout(settings.timeout);
        if (settings.token != null) {
            request.header("Authorization", "Bearer " + settings.token);
        }
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        if (initializeResult != null) {
            request.header("MCP-Protocol-Version", protocolVersion);
        }
        settings.headers.forEach(request::setHeader);
        return request;
    }

    private static void expectAccepted(HttpResponse<InputStream> response, String what) {
        String body = readAll(response);
        if (response.statusCode() != 202 && response.statusCode() != 200) {
            throw new McpHttpException(what, response.statusCode(), response.headers(), body);
        }
    }

    private static boolean sameId(JsonObject message, long id) {
        JsonValue value = message.get("id");
        return value != null && value.getValueType() == JsonValue.ValueType.NUMBER
                && ((jakarta.json.JsonNumber) value).longValue() == id;
    }

    private static String field(String line, int nameLength) {
        String value = line.substring(nameLength);
        return value.startsWith(" ") ? value.substring(1) : value;
    }

    private static String readAll(HttpResponse<InputStream> response) {
        try (InputStream in = response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonObject parse(String json) {
        try (JsonReader reader = Json.createReader(new StringReader(json))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("The server sent something that is not a JSON object: " + json, e);
        }
    }
}
