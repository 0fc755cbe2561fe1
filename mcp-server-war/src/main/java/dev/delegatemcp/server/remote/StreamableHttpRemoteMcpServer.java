package dev.delegatemcp.server.remote;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodySubscriber;
import java.net.http.HttpResponse.BodySubscribers;
import java.net.http.HttpResponse.ResponseInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteMcpException;
import dev.delegatemcp.api.RemoteMcpServer;
import dev.delegatemcp.api.RemoteTool;
import dev.delegatemcp.api.RemoteToolResult;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;

/**
 * A {@link RemoteMcpServer} reached over MCP Streamable HTTP (protocol {@value #PROTOCOL_VERSION}, JSON-RPC 2.0),
 * authenticated with the caller's {@link DownstreamCredential} for it.
 *
 * <ul>
 * <li><b>Session</b>: initialized lazily on first use ({@code initialize}, then {@code notifications/initialized});
 * the {@code Mcp-Session-Id} the server issues (if any) and the negotiated {@code MCP-Protocol-Version} go on every
 * later request. An HTTP 404 on a request that carried a session id means the session expired: the client
 * initializes again once and retries.</li>
 * <li><b>Credential</b>: set with {@link DownstreamCredential#applyTo}. On HTTP 401 it obtains a fresh one once with
 * {@link DownstreamCredential#refresh()}, initializes again and retries; a second 401 fails. The budget (one refresh,
 * one re-initialization) is per public method call.</li>
 * <li><b>Answers</b>: {@code application/json} (one JSON-RPC response) or {@code text/event-stream} (notifications
 * and server requests on the stream are skipped; reading stops at the response whose id matches). An HTTP 400 whose
 * body is a JSON-RPC error is treated as that error.</li>
 * <li><b>Failures</b> throw {@link RemoteMcpException} with a sentence from {@link RemoteMcpMessages}: no token,
 * header, URL or stack trace. A JSON-RPC error shows the remote message, sanitized. A remote tool result with
 * {@code isError: true} is returned, not thrown.</li>
 * <li><b>Time</b>: each HTTP exchange (headers and body) is bounded by the request timeout; a time-out is not
 * retried. Bodies larger than {@value #MAX_BODY_BYTES} bytes are refused.</li>
 * <li><b>Content</b>: text, image, audio and embedded resources map to {@link Content}; a {@code resource_link}
 * becomes a text item {@code [resource link: <name> <uri>]}; any other content type is kept as a text item
 * {@code [unsupported content type: <type>]} so the caller sees that something was left out.
 * {@code structuredContent} that is not an object is ignored (null); {@code isError} defaults to false.</li>
 * <li><b>Logging</b>: at most FINE, with the target name, the MCP method and the HTTP status. Never a token.</li>
 * </ul>
 *
 * <p>
 * <b>Threads</b>: one instance serves one tool call for one caller; do not share it across callers (it holds that
 * caller's credential and session). Its methods are synchronized, so sequential use from different threads, and even
 * concurrent use, is safe. Not supported: resuming a broken SSE stream (GET with {@code Last-Event-ID}), answering
 * server-to-client requests (sampling, elicitation, ping on the stream), ending the session with DELETE.
 */
public final class StreamableHttpRemoteMcpServer implements RemoteMcpServer {

    /** The protocol version this client asks for. */
    public static final String PROTOCOL_VERSION = "2025-11-25";

    /** Versions the server may answer with: their tools wire format is the one this client reads. */
    static final Set<String> SUPPORTED_VERSIONS = Set.of("2025-11-25", "2025-06-18", "2025-03-26");

    /** tools/list pages read at most before giving up (a server whose cursor never ends). */
    static final int MAX_PAGES = 100;

    /** The largest response body (JSON) or server-sent event accepted. */
    static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private static final JsonProvider JSON = JsonProvider.provider();
    private static final Logger LOG = Logger.getLogger(StreamableHttpRemoteMcpServer.class.getName());

    private static final String APPLICATION_JSON = "application/json";
    private static final String EVENT_STREAM = "text/event-stream";

    private final String name;
    private final URI url;
    private final HttpClient http;
    private final Duration requestTimeout;
    private final JsonObject initializeParams;
    private final String firstSecret;

    // Guarded by this.
    private DownstreamCredential credential;
    private boolean initialized;
    private String sessionId;
    private String protocolVersion;
    private int lastId;

    /**
     * @param targetName the logical target name ("crm"), used in messages and logs
     * @param url the remote server's MCP endpoint (http or https)
     * @param credential the caller's credential for it
     * @param http the client to send with (shared; HTTP/1.1 recommended)
     * @param requestTimeout the time limit of each HTTP exchange
     * @param clientName the {@code clientInfo.name} sent on initialize
     * @param clientVersion the {@code clientInfo.version} sent on initialize
     */
    public StreamableHttpRemoteMcpServer(String targetName, URI url, DownstreamCredential credential, HttpClient http,
            Duration requestTimeout, String clientName, String clientVersion) {
        this.name = Objects.requireNonNull(targetName, "targetName");
        this.url = Objects.requireNonNull(url, "url");
        this.credential = Objects.requireNonNull(credential, "credential");
        this.http = Objects.requireNonNull(http, "http");
        this.requestTimeout = Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (!url.isAbsolute() || !("http".equalsIgnoreCase(url.getScheme())
                || "https".equalsIgnoreCase(url.getScheme())) || url.getHost() == null) {
            throw new IllegalArgumentException("The MCP URL of " + targetName + " must be an absolute http(s) URL");
        }
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive");
        }
        this.initializeParams = JSON.createObjectBuilder()
                .add("protocolVersion", PROTOCOL_VERSION)
                .add("capabilities", JsonValue.EMPTY_JSON_OBJECT)
                .add("clientInfo", JSON.createObjectBuilder()
                        .add("name", Objects.requireNonNull(clientName, "clientName"))
                        .add("version", Objects.requireNonNull(clientVersion, "clientVersion")))
                .build();
        this.firstSecret = credential.secret();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public synchronized List<RemoteTool> listTools() {
        List<RemoteTool> tools = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonObject params = cursor == null ? JsonValue.EMPTY_JSON_OBJECT
                    : JSON.createObjectBuilder().add("cursor", cursor).build();
            JsonObject result = request("tools/list", params);
            JsonValue items = result.get("tools");
            if (!(items instanceof JsonArray array)) {
                throw notMcp(null);
            }
            for (JsonValue item : array) {
                tools.add(tool(item));
            }
            JsonValue next = result.get("nextCursor");
            if (next == null || next == JsonValue.NULL) {
                return List.copyOf(tools);
            }
            if (!(next instanceof JsonString nextCursor)) {
                throw notMcp(null);
            }
            cursor = nextCursor.getString();
        }
        throw notMcp(null);
    }

    @Override
    public synchronized RemoteToolResult callTool(String tool, JsonObject arguments) {
        Objects.requireNonNull(tool, "tool");
        JsonObject params = JSON.createObjectBuilder().add("name", tool)
                .add("arguments", arguments == null ? JsonValue.EMPTY_JSON_OBJECT : arguments).build();
        return toolResult(request("tools/call", params));
    }

    /**
     * {@inheritDoc} Also accepted: any {@link Number} (Float, Short, Byte, AtomicLong... as their decimal value) and
     * arrays of those types. Throws {@link IllegalArgumentException} for any other value type, a non-String key or a
     * non-finite number, before anything is sent.
     */
    @Override
    public RemoteToolResult callTool(String tool, Map<String, ?> arguments) {
        return callTool(tool, toJsonObject(arguments));
    }

    /** The arguments as a JSON object, converted with the provider's {@code createObjectBuilder(Map)}. */
    static JsonObject toJsonObject(Map<String, ?> arguments) {
        if (arguments == null) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
        return JSON.createObjectBuilder(normalizeMap(arguments, "arguments")).build();
    }

    // ---------------------------------------------------------------------------------------------- JSON-RPC calls

    /** What one public call may still do to recover: refresh the credential once, re-initialize once. */
    private static final class Budget {
        boolean refreshed;
        boolean reinitialized;
    }

    /** Sends a request (initializing first when needed) and returns its result object. */
    private JsonObject request(String method, JsonObject params) {
        Budget budget = new Budget();
        while (true) {
            if (!initialized) {
                initialize(budget);
            }
            int id = ++lastId;
            Reply reply = send(method, message(id, method, params), id);
            if (reply.status() == 401) {
                refreshCredential(budget);
            } else if (reply.status() == 404 && reply.sentSession()) {
                sessionExpired(budget);
            } else {
                return result(reply);
            }
        }
    }

    private void initialize(Budget budget) {
        while (true) {
            sessionId = null;
            protocolVersion = null;
            int id = ++lastId;
            Reply reply = send("initialize", message(id, "initialize", initializeParams), id);
            if (reply.status() == 401) {
                refreshCredential(budget);
                continue;
            }
            JsonObject result = result(reply);
            if (!(result.get("protocolVersion") instanceof JsonString version)) {
                throw notMcp(null);
            }
            if (!SUPPORTED_VERSIONS.contains(version.getString())) {
                throw new RemoteMcpException(RemoteMcpMessages.unsupportedVersion(name));
            }
            String session = reply.sessionId();
            if (session != null && !isVisibleAscii(session)) {
                throw notMcp(null);
            }
            sessionId = session;
            protocolVersion = version.getString();
            JsonObject notification = JSON.createObjectBuilder().add("jsonrpc", "2.0")
                    .add("method", "notifications/initialized").build();
            Reply ack = send("notifications/initialized", notification, null);
            if (ack.status() == 401) {
                refreshCredential(budget);
                continue;
            }
            if (ack.status() == 404 && ack.sentSession()) {
                sessionExpired(budget);
                continue;
            }
            if (ack.status() / 100 != 2) {
                throw failure(ack.status());
            }
            initialized = true;
            return;
        }
    }

    private void refreshCredential(Budget budget) {
        if (budget.refreshed) {
            throw new RemoteMcpException(RemoteMcpMessages.notAccepted(name));
        }
        budget.refreshed = true;
        // A failure to obtain one is the credential service's own user sentence (ToolCallException): let it through.
        DownstreamCredential fresh = credential.refresh();
        if (fresh == null) {
            throw new RemoteMcpException(RemoteMcpMessages.notAccepted(name));
        }
        credential = fresh;
        initialized = false;
    }

    private void sessionExpired(Budget budget) {
        if (budget.reinitialized) {
            throw new RemoteMcpException(RemoteMcpMessages.unreachable(name));
        }
        budget.reinitialized = true;
        initialized = false;
        sessionId = null;
    }

    private static JsonObject message(int id, String method, JsonObject params) {
        return JSON.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method)
                .add("params", params).build();
    }

    /** The result of a 2xx (or JSON-RPC error) answer; throws the user's sentence otherwise. */
    private JsonObject result(Reply reply) {
        JsonObject message = reply.message();
        if (message != null && message.get("error") instanceof JsonObject error) {
            String remote = error.get("message") instanceof JsonString text ? text.getString() : null;
            throw new RemoteMcpException(RemoteMcpMessages.refused(name, remote, credential.secret(), firstSecret));
        }
        if (reply.status() / 100 != 2) {
            throw failure(reply.status());
        }
        if (message == null) {
            // 2xx with a media type that is not MCP's, or an event stream that ended before the response.
            throw EVENT_STREAM.equals(reply.mediaType()) ? new RemoteMcpException(RemoteMcpMessages.unreachable(name))
                    : notMcp(null);
        }
        if (!(message.get("result") instanceof JsonObject result)) {
            throw notMcp(null);
        }
        return result;
    }

    private RemoteMcpException failure(int status) {
        if (status == 401) {
            return new RemoteMcpException(RemoteMcpMessages.notAccepted(name));
        }
        if (status == 403) {
            return new RemoteMcpException(RemoteMcpMessages.forbidden(name));
        }
        if (status == 408 || status == 429 || status >= 500) {
            return new RemoteMcpException(RemoteMcpMessages.unreachable(name));
        }
        return notMcp(null);
    }

    private RemoteMcpException notMcp(Throwable cause) {
        return new RemoteMcpException(RemoteMcpMessages.notMcp(name), cause);
    }

    // ------------------------------------------------------------------------------------------------------ HTTP

    /**
     * One HTTP answer: its status, whether the request carried a session id, the session id header, the media type,
     * and the JSON-RPC response to the request (null for notifications, other statuses than 2xx/400, other media
     * types, or a stream that ended without it).
     */
    private record Reply(int status, boolean sentSession, String sessionId, String mediaType, JsonObject message) {
    }

    /** A body as read: the media type and either the JSON text or the matching message from the event stream. */
    private record Body(String mediaType, String json, JsonObject message) {
    }

    /** Posts one JSON-RPC message; {@code expectedId} is null for a notification (its body is discarded). */
    private Reply send(String method, JsonObject message, Integer expectedId) {
        HttpRequest.Builder request = HttpRequest.newBuilder(url).timeout(requestTimeout)
                .header("Content-Type", APPLICATION_JSON)
                .header("Accept", APPLICATION_JSON + ", " + EVENT_STREAM);
        try {
            credential.applyTo(request::header);
        } catch (IllegalArgumentException e) {
            // The JDK's message for an invalid header value contains the value: never pass it on.
            throw new RemoteMcpException(RemoteMcpMessages.notAccepted(name));
        }
        boolean sentSession = sessionId != null;
        if (sentSession) {
            request.header("Mcp-Session-Id", sessionId);
        }
        if (protocolVersion != null) {
            request.header("MCP-Protocol-Version", protocolVersion);
        }
        request.POST(HttpRequest.BodyPublishers.ofString(message.toString(), StandardCharsets.UTF_8));

        CompletableFuture<HttpResponse<Body>> exchange = http.sendAsync(request.build(),
                info -> bodySubscriber(info, expectedId));
        HttpResponse<Body> response;
        try {
            response = exchange.get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            LOG.log(Level.FINE, "Remote MCP {0} {1}: no answer in time", new Object[] {name, method});
            throw new RemoteMcpException(RemoteMcpMessages.unreachable(name), e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            Thread.currentThread().interrupt();
            throw new RemoteMcpException(RemoteMcpMessages.unreachable(name), e);
        } catch (ExecutionException | CancellationException e) {
            Throwable cause = unwrap(e);
            LOG.log(Level.FINE, "Remote MCP {0} {1}: no answer", new Object[] {name, method});
            if (cause instanceof Malformed || cause instanceof ServerSentEvents.TooLargeException
                    || cause instanceof JsonException) {
                throw notMcp(null);
            }
            // IOException (refused, reset, HttpTimeoutException...) or anything else on the way.
            throw new RemoteMcpException(RemoteMcpMessages.unreachable(name),
                    cause instanceof IOException ? cause : null);
        }
        int status = response.statusCode();
        LOG.log(Level.FINE, "Remote MCP {0} {1}: HTTP {2}", new Object[] {name, method, status});
        Body body = response.body();
        String session = response.headers().firstValue("Mcp-Session-Id").orElse(null);
        if (body == null) {
            return new Reply(status, sentSession, session, null, null);
        }
        JsonObject answer = body.message();
        if (body.json() != null) {
            answer = parseResponse(body.json(), expectedId, status);
        }
        return new Reply(status, sentSession, session, body.mediaType(), answer);
    }

    /** Reads the body of a request's 2xx answer, or of a 400 that may be a JSON-RPC error; discards the others. */
    private static BodySubscriber<Body> bodySubscriber(ResponseInfo info, Integer expectedId) {
        int status = info.statusCode();
        if (expectedId == null || !(status / 100 == 2 || status == 400)) {
            return BodySubscribers.replacing(null);
        }
        String mediaType = mediaType(info.headers());
        if (APPLICATION_JSON.equals(mediaType)) {
            return new CappedText(mediaType);
        }
        if (EVENT_STREAM.equals(mediaType) && status / 100 == 2) {
            return new EventStreamResponse(expectedId);
        }
        return BodySubscribers.replacing(new Body(mediaType, null, null));
    }

    /** A JSON body: one JSON-RPC response to the request; anything else is not MCP. */
    private JsonObject parseResponse(String json, int expectedId, int status) {
        JsonValue value;
        try (JsonReader reader = JSON.createReader(new StringReader(json))) {
            value = reader.readValue();
        } catch (JsonException e) {
            if (status == 400) {
                return null;
            }
            throw notMcp(null);
        }
        if (value instanceof JsonObject object && answers(object, expectedId)) {
            return object;
        }
        if (status == 400) {
            return null;
        }
        throw notMcp(null);
    }

    /** Whether the message is the response to request {@code id} (an error with a null id answers any request). */
    static boolean answers(JsonObject message, int id) {
        if (message.containsKey("method") || !(message.containsKey("result") || message.containsKey("error"))) {
            return false;
        }
        JsonValue value = message.get("id");
        if (value instanceof JsonNumber number) {
            return number.isIntegral() && number.bigIntegerValue().equals(BigInteger.valueOf(id));
        }
        if (value instanceof JsonString text) {
            return text.getString().equals(Integer.toString(id));
        }
        return (value == null || value == JsonValue.NULL) && message.get("error") instanceof JsonObject;
    }

    private static String mediaType(HttpHeaders headers) {
        String type = headers.firstValue("Content-Type").orElse("");
        int semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static boolean isVisibleAscii(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> c >= 0x21 && c <= 0x7E);
    }

    private static Throwable unwrap(Throwable e) {
        Throwable cause = e;
        while ((cause instanceof ExecutionException || cause instanceof CompletionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** A body that is not what MCP allows. No message: nothing from the body reaches a message or log. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed() {
            super(null, null, false, false);
        }
    }

    /** Collects a JSON body as UTF-8 text, up to {@link #MAX_BODY_BYTES}. */
    private static final class CappedText implements BodySubscriber<Body> {
        private final String mediaType;
        private final CompletableFuture<Body> body = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private Flow.Subscription subscription;

        CappedText(String mediaType) {
            this.mediaType = mediaType;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (bytes.size() + item.remaining() > MAX_BODY_BYTES) {
                    body.completeExceptionally(new Malformed());
                    subscription.cancel();
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            body.complete(new Body(mediaType, bytes.toString(StandardCharsets.UTF_8), null));
        }

        @Override
        public CompletableFuture<Body> getBody() {
            return body;
        }
    }

    /**
     * Reads an event stream until the response to the request: each {@code message} event holds one JSON-RPC
     * message; notifications, server requests and responses to other ids are skipped. Completes (and stops reading)
     * as soon as the response arrives; completes with no message when the stream ends without it.
     */
    private static final class EventStreamResponse implements BodySubscriber<Body> {
        private final int expectedId;
        private final CompletableFuture<Body> body = new CompletableFuture<>();
        private final ServerSentEvents events = new ServerSentEvents(this::onEvent, MAX_BODY_BYTES);
        private Flow.Subscription subscription;
        private JsonObject response;

        EventStreamResponse(int expectedId) {
            this.expectedId = expectedId;
        }

        private void onEvent(String type, String data) {
            if (response != null || !type.equals("message") || data.isBlank()) {
                return; // e.g. the priming event (an id and empty data) a 2025-11-25 server may send first
            }
            JsonValue value;
            try (JsonReader reader = JSON.createReader(new StringReader(data))) {
                value = reader.readValue();
            } catch (JsonException e) {
                throw new Malformed();
            }
            if (!(value instanceof JsonObject message)) {
                throw new Malformed();
            }
            if (answers(message, expectedId)) {
                response = message;
            }
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (body.isDone()) {
                return;
            }
            try {
                for (ByteBuffer item : items) {
                    events.feed(item);
                    if (response != null) {
                        break;
                    }
                }
            } catch (RuntimeException e) {
                body.completeExceptionally(e);
                subscription.cancel();
                return;
            }
            if (response != null) {
                body.complete(new Body(EVENT_STREAM, null, response));
                subscription.cancel();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            body.completeExceptionally(throwable);
        }

        @Override
        public void onComplete() {
            if (body.isDone()) {
                return;
            }
            try {
                events.finish();
            } catch (RuntimeException e) {
                body.completeExceptionally(e);
                return;
            }
            body.complete(new Body(EVENT_STREAM, null, response));
        }

        @Override
        public CompletableFuture<Body> getBody() {
            return body;
        }
    }

    // ----------------------------------------------------------------------------------------------- mapping

    private RemoteTool tool(JsonValue value) {
        if (!(value instanceof JsonObject tool) || !(tool.get("name") instanceof JsonString toolName)) {
            throw notMcp(null);
        }
        String title = optionalString(tool, "title");
        if (title == null && tool.get("annotations") instanceof JsonObject annotations) {
            title = optionalString(annotations, "title");
        }
        JsonObject inputSchema = optionalObject(tool, "inputSchema");
        return new RemoteTool(toolName.getString(), title, optionalString(tool, "description"),
                inputSchema == null ? JSON.createObjectBuilder().add("type", "object").build() : inputSchema,
                optionalObject(tool, "outputSchema"));
    }

    private RemoteToolResult toolResult(JsonObject result) {
        List<Content> content = new ArrayList<>();
        JsonValue items = result.get("content");
        if (items instanceof JsonArray array) {
            for (JsonValue item : array) {
                content.add(content(item));
            }
        } else if (items != null && items != JsonValue.NULL) {
            throw notMcp(null);
        }
        JsonObject structured = result.get("structuredContent") instanceof JsonObject object ? object : null;
        return new RemoteToolResult(content, structured, isTrue(result.get("isError")));
    }

    private Content content(JsonValue value) {
        if (!(value instanceof JsonObject item) || !(item.get("type") instanceof JsonString type)) {
            throw notMcp(null);
        }
        switch (type.getString()) {
            case "text":
                return Content.text(requiredString(item, "text"));
            case "image":
                return new Content.Image(requiredString(item, "data"), requiredString(item, "mimeType"));
            case "audio":
                return new Content.Audio(requiredString(item, "data"), requiredString(item, "mimeType"));
            case "resource": {
                if (!(item.get("resource") instanceof JsonObject resource)) {
                    throw notMcp(null);
                }
                String text = optionalString(resource, "text");
                String blob = optionalString(resource, "blob");
                if ((text == null) == (blob == null)) {
                    throw notMcp(null);
                }
                return new Content.Resource(requiredString(resource, "uri"), optionalString(resource, "mimeType"),
                        text, blob);
            }
            case "resource_link": {
                String label = optionalString(item, "title");
                if (label == null) {
                    label = requiredString(item, "name");
                }
                return Content.text("[resource link: " + label + " " + requiredString(item, "uri") + "]");
            }
            default:
                return Content.text("[unsupported content type: "
                        + RemoteMcpMessages.sanitize(type.getString()) + "]");
        }
    }

    private static boolean isTrue(JsonValue value) {
        return value != null && value.getValueType() == JsonValue.ValueType.TRUE;
    }

    private String requiredString(JsonObject object, String key) {
        if (object.get(key) instanceof JsonString text) {
            return text.getString();
        }
        throw notMcp(null);
    }

    private String optionalString(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonString text) {
            return text.getString();
        }
        throw notMcp(null);
    }

    private JsonObject optionalObject(JsonObject object, String key) {
        JsonValue value = object.get(key);
        if (value == null || value == JsonValue.NULL) {
            return null;
        }
        if (value instanceof JsonObject json) {
            return json;
        }
        throw notMcp(null);
    }

    // ------------------------------------------------------------------------------------------ map arguments

    private static Map<String, Object> normalizeMap(Map<?, ?> map, String path) {
        Map<String, Object> normalized = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (!(entry.getKey() instanceof String key)) {
                throw new IllegalArgumentException(path + ": keys must be strings, not "
                        + (entry.getKey() == null ? "null" : entry.getKey().getClass().getName()));
            }
            normalized.put(key, normalize(entry.getValue(), path + "." + key));
        }
        return normalized;
    }

    /**
     * A value createObjectBuilder(Map) accepts with the same meaning on every provider: JSON values, strings,
     * booleans, numbers as BigDecimal/BigInteger/Integer/Long/Double, maps and lists of those.
     */
    private static Object normalize(Object value, String path) {
        if (value == null) {
            return JsonValue.NULL;
        }
        if (value instanceof JsonValue || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Number number) {
            return number(number, path);
        }
        if (value instanceof Map<?, ?> map) {
            return normalizeMap(map, path);
        }
        if (value instanceof Collection<?> collection) {
            List<Object> list = new ArrayList<>(collection.size());
            int index = 0;
            for (Object element : collection) {
                list.add(normalize(element, path + "[" + index++ + "]"));
            }
            return list;
        }
        if (value.getClass().isArray()) {
            int length = java.lang.reflect.Array.getLength(value);
            List<Object> list = new ArrayList<>(length);
            for (int i = 0; i < length; i++) {
                list.add(normalize(java.lang.reflect.Array.get(value, i), path + "[" + i + "]"));
            }
            return list;
        }
        throw new IllegalArgumentException(path + ": a " + value.getClass().getName()
                + " has no JSON form; use String, Number, Boolean, null, Map, Collection or a JsonValue");
    }

    private static Object number(Number number, String path) {
        if (number instanceof Integer || number instanceof Long || number instanceof BigInteger
                || number instanceof BigDecimal) {
            return number;
        }
        if (number instanceof Short || number instanceof Byte || number instanceof AtomicInteger
                || number instanceof AtomicLong) {
            return number.longValue();
        }
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException(path + ": " + number + " has no JSON form");
            }
            // Float via its decimal text, so 1.1f is 1.1 and not 1.100000023841858.
            return number instanceof Float ? new BigDecimal(number.toString()) : number;
        }
        try {
            return new BigDecimal(number.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(path + ": " + number.getClass().getName() + " has no JSON form");
        }
    }
}
