package dev.delegatemcp.test;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
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
 * <p>Hand-written on the JDK's HTTP client rather than on the MCP Java SDK's client: a server's test asserts on what
 * that client hides (HTTP statuses, {@code WWW-Authenticate}, the notifications of each request's own stream), and the
 * SDK would bring Reactor and Jackson into every tool author's test classpath.
 *
 * <p>Errors: a JSON-RPC error answer throws {@link McpErrorException}; an HTTP status other than 200 or 202 throws
 * {@link McpHttpException} (401 and 403 carry {@code WWW-Authenticate}); a tool's own failure is a {@link ToolResult}
 * with {@code isError}. Once connected, a client may send requests from several threads at once (a load test); each
 * request's notifications stay with its own response.
 */
public final class McpTestClient implements AutoCloseable {

    /** The protocol revision it asks for unless told otherwise. */
    public static final String DEFAULT_PROTOCOL_VERSION = "2025-11-25";

    private final Settings settings;
    private final HttpClient http;
    private final AtomicLong ids = new AtomicLong();
    private String sessionId;
    private String protocolVersion;
    private JsonObject initializeResult;

    /** What a client was built with, copied at {@link Builder#connect()}: a builder used again changes no client. */
    private record Settings(URI endpoint, String token, Map<String, String> headers, String protocolVersion,
            String clientName, String clientVersion, Function<JsonObject, String> sampling,
            Function<JsonObject, ElicitationReply> elicitation, List<String> roots, String logLevel,
            Duration timeout) {
    }

    private McpTestClient(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        this.protocolVersion = settings.protocolVersion();
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
         * with what the function returns for the request's {@code params} (whose {@code mode} says which); null
         * answers {@code cancel}.
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

        /**
         * How long one request may take, its whole event stream, answers to the server and resumptions included; 30
         * seconds by default. A request that takes longer fails with an AssertionError.
         */
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
            McpTestClient client = new McpTestClient(new Settings(endpoint, token, Map.copyOf(headers),
                    protocolVersion, clientName, clientVersion, sampling, elicitation,
                    roots == null ? null : List.copyOf(roots), logLevel, timeout));
            try {
                client.initialize();
            } catch (RuntimeException | AssertionError e) {
                client.close();
                throw e;
            }
            return client;
        }
    }

    private void initialize() {
        JsonObjectBuilder capabilities = Json.createObjectBuilder();
        if (settings.sampling() != null) {
            capabilities.add("sampling", JsonValue.EMPTY_JSON_OBJECT);
        }
        if (settings.elicitation() != null) {
            capabilities.add("elicitation", Json.createObjectBuilder().add("form", JsonValue.EMPTY_JSON_OBJECT)
                    .add("url", JsonValue.EMPTY_JSON_OBJECT));
        }
        if (settings.roots() != null) {
            capabilities.add("roots", Json.createObjectBuilder().add("listChanged", false));
        }
        JsonObject params = Json.createObjectBuilder().add("protocolVersion", settings.protocolVersion())
                .add("capabilities", capabilities)
                .add("clientInfo", Json.createObjectBuilder().add("name", settings.clientName())
                        .add("version", settings.clientVersion()))
                .build();
        initializeResult = request("initialize", params).result();
        protocolVersion = initializeResult.getString("protocolVersion");
        notify("notifications/initialized", null);
        if (settings.logLevel() != null) {
            request("logging/setLevel", Json.createObjectBuilder().add("level", settings.logLevel()).build()).result();
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
     * Calls a tool with these arguments, asking for progress ({@code _meta.progressToken}). Values may be String,
     * Boolean, Integer, Long, Double, BigInteger, BigDecimal, a JSON-P value, or a Collection or Map of those (JSON-P's
     * {@code Json.createObjectBuilder(Map)}; a Float, say, is refused with IllegalArgumentException).
     *
     * @throws McpErrorException for an unknown tool (-32602) or another JSON-RPC error; arguments that do not fit the
     *         tool's schema are a result with {@code isError} (MCP 2025-11-25, SEP-1303), not an exception
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
     * Sends any request and returns the server's answer: the way to test methods this client has no shortcut for. A
     * JSON-RPC error answered with HTTP 200 is returned ({@link McpResponse#isError()}), as is one with a null id
     * (JSON-RPC 2.0 section 5: the server could not read the request's id).
     *
     * @param params the request's {@code params}, or null for none
     * @throws McpHttpException when the HTTP status is not 200 (its {@link McpHttpException#body()} holds what the
     *         server said, a JSON-RPC error for a 400)
     * @throws AssertionError when no response came within the timeout, or the server answered another request's id
     */
    public McpResponse request(String method, JsonObject params) {
        return request(ids.incrementAndGet(), method, params);
    }

    private McpResponse request(long id, String method, JsonObject params) {
        long deadline = System.nanoTime() + settings.timeout().toNanos();
        JsonObjectBuilder message =
                Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method);
        if (params != null) {
            message.add("params", params);
        }
        HttpResponse<InputStream> response = post(message.build(), method, deadline);
        String contentType = response.headers().firstValue("Content-Type").orElse("");
        if ("initialize".equals(method)) {
            sessionId = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        }
        if (response.statusCode() != 200) {
            throw new McpHttpException(method, response.statusCode(), response.headers(), readAll(response));
        }
        if (contentType.startsWith("application/json")) {
            JsonObject answer = parse(readAll(response));
            if (!answers(answer, id)) {
                throw new AssertionError(method + " (id " + id + ") was answered for another request: " + answer);
            }
            return new McpResponse(method, answer, List.of(), List.of());
        }
        if (!contentType.startsWith("text/event-stream")) {
            throw new McpHttpException(method, response.statusCode(), response.headers(), readAll(response));
        }
        return readStream(method, id, response, deadline);
    }

    /**
     * Sends a notification.
     *
     * @throws McpHttpException when the server does not accept it with HTTP 202 (Streamable HTTP, "Sending Messages
     *         to the Server")
     */
    public void notify(String method, JsonObject params) {
        JsonObjectBuilder message = Json.createObjectBuilder().add("jsonrpc", "2.0").add("method", method);
        if (params != null) {
            message.add("params", params);
        }
        expectAccepted(post(message.build(), method, System.nanoTime() + settings.timeout().toNanos()), method);
    }

    /**
     * Ends the session with {@code DELETE} (Streamable HTTP, "Session Management"). Whatever the answer (405 from a
     * server that does not allow it, 404 for a session already gone) the client is done; a test's own failure is never
     * hidden by its clean-up.
     */
    @Override
    public void close() {
        if (sessionId == null) {
            return;
        }
        try {
            http.send(authorized(HttpRequest.newBuilder(settings.endpoint()),
                    System.nanoTime() + settings.timeout().toNanos()).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the server may be gone already; nothing to end then
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sessionId = null;
        }
    }

    /**
     * Reads an event stream up to the response with that id, answering server requests on the way. A stream that ends
     * first is resumed with {@code Last-Event-ID} after the server's {@code retry} delay (Streamable HTTP,
     * "Resumability and Redelivery"), as long as the server sends something new and time remains.
     */
    private McpResponse readStream(String method, long id, HttpResponse<InputStream> first, long deadline) {
        List<JsonObject> notifications = new ArrayList<>();
        List<JsonObject> serverRequests = new ArrayList<>();
        HttpResponse<InputStream> response = first;
        String lastEventId = null;
        Long retryMillis = null;
        int fruitlessResumes = 0;
        while (true) {
            boolean anythingNew = false;
            try (EventStreamReader events = new EventStreamReader(response.body())) {
                for (EventStreamReader.Event event; (event = events.next(deadline)) != null;) {
                    anythingNew |= event.lastEventId() != null && !event.lastEventId().equals(lastEventId);
                    lastEventId = event.lastEventId() != null ? event.lastEventId() : lastEventId;
                    retryMillis = event.retryMillis() != null ? event.retryMillis() : retryMillis;
                    if (event.data().isEmpty()) {
                        continue; // a priming event: an id to resume from, nothing to dispatch
                    }
                    anythingNew = true;
                    JsonObject message = parse(event.data());
                    if (message.containsKey("method") && message.containsKey("id")) {
                        serverRequests.add(message);
                        answer(message, deadline);
                    } else if (message.containsKey("method")) {
                        notifications.add(message);
                    } else if (answers(message, id)) {
                        return new McpResponse(method, message, List.copyOf(notifications),
                                List.copyOf(serverRequests));
                    } else {
                        throw new AssertionError(
                                method + " (id " + id + ") got the response of another request: " + message);
                    }
                }
            } catch (TimeoutException e) {
                throw new AssertionError(method + ": no response within " + settings.timeout());
            }
            if (lastEventId == null) {
                throw new AssertionError(method + ": the event stream ended without a response, and without an event id"
                        + " to resume it from");
            }
            fruitlessResumes = anythingNew ? 0 : fruitlessResumes + 1;
            if (fruitlessResumes >= 3) {
                throw new AssertionError(method + ": resumed the event stream 3 times without anything new after event "
                        + lastEventId);
            }
            pause(retryMillis, deadline);
            response = resume(method, lastEventId, deadline);
        }
    }

    private HttpResponse<InputStream> resume(String method, String lastEventId, long deadline) {
        try {
            HttpResponse<InputStream> resumed = http.send(authorized(HttpRequest.newBuilder(settings.endpoint()),
                    deadline).header("Accept", "text/event-stream").header("Last-Event-ID", lastEventId).GET()
                    .build(), HttpResponse.BodyHandlers.ofInputStream());
            if (resumed.statusCode() == 204) {
                readAll(resumed);
                throw new AssertionError(method + ": the server finished the event stream without a response");
            }
            if (resumed.statusCode() != 200) {
                throw new McpHttpException(method + " (resuming after event " + lastEventId + ")",
                        resumed.statusCode(), resumed.headers(), readAll(resumed));
            }
            return resumed;
        } catch (IOException e) {
            throw new UncheckedIOException(method + ": resuming the event stream failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Waits the server's {@code retry} delay before resuming, no longer than the deadline allows. */
    private static void pause(Long retryMillis, long deadline) {
        if (retryMillis == null || retryMillis <= 0) {
            return;
        }
        long millis = Math.min(retryMillis, Math.max(0, (deadline - System.nanoTime()) / 1_000_000));
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Answers one request of the server with the builder's canned answers. */
    private void answer(JsonObject request, long deadline) {
        String method = request.getString("method");
        JsonObject params = request.containsKey("params") ? request.getJsonObject("params")
                : JsonValue.EMPTY_JSON_OBJECT;
        JsonObjectBuilder reply = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", request.get("id"));
        switch (method) {
            case "ping" -> reply.add("result", JsonValue.EMPTY_JSON_OBJECT);
            case "roots/list" -> {
                if (settings.roots() == null) {
                    reply.add("error", error(-32601, "Method not found"));
                } else {
                    var roots = Json.createArrayBuilder();
                    settings.roots().forEach(uri -> roots.add(Json.createObjectBuilder().add("uri", uri)));
                    reply.add("result", Json.createObjectBuilder().add("roots", roots));
                }
            }
            case "sampling/createMessage" -> {
                String text = settings.sampling() == null ? null : settings.sampling().apply(params);
                if (settings.sampling() == null) {
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
                if (settings.elicitation() == null) {
                    reply.add("error", error(-32601, "Method not found"));
                } else {
                    ElicitationReply answer = settings.elicitation().apply(params);
                    reply.add("result", (answer == null ? ElicitationReply.cancel() : answer).result());
                }
            }
            default -> reply.add("error", error(-32601, "Method not found"));
        }
        expectAccepted(post(reply.build(), method + " (answer)", deadline), method + " (answer)");
    }

    private static JsonObject error(int code, String message) {
        return Json.createObjectBuilder().add("code", code).add("message", message).build();
    }

    private HttpResponse<InputStream> post(JsonObject message, String what, long deadline) {
        HttpRequest.Builder request = authorized(HttpRequest.newBuilder(settings.endpoint()), deadline)
                .header("Content-Type", "application/json").header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(message.toString()));
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(what + ": the request to " + settings.endpoint() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The client's headers, and a time limit for the response's headers: what remains before the deadline. */
    private HttpRequest.Builder authorized(HttpRequest.Builder request, long deadline) {
        request.timeout(Duration.ofNanos(Math.max(1_000_000, deadline - System.nanoTime())));
        if (settings.token() != null) {
            request.header("Authorization", "Bearer " + settings.token());
        }
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId);
        }
        if (initializeResult != null) {
            request.header("MCP-Protocol-Version", protocolVersion);
        }
        settings.headers().forEach(request::setHeader);
        return request;
    }

    private static void expectAccepted(HttpResponse<InputStream> response, String what) {
        String body = readAll(response);
        if (response.statusCode() != 202) {
            throw new McpHttpException(what, response.statusCode(), response.headers(), body);
        }
    }

    /** A response to the request with that id, or an error the server could not tie to any request (id null). */
    private static boolean answers(JsonObject response, long id) {
        JsonValue value = response.get("id");
        if (value instanceof JsonNumber number) {
            return number.isIntegral() && number.longValue() == id;
        }
        return (value == null || value == JsonValue.NULL) && response.containsKey("error");
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
