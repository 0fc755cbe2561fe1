package dev.delegatemcp.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcNotification;
import dev.delegatemcp.wire.jsonrpc.JsonRpcRequest;
import dev.delegatemcp.wire.mcp.Implementation;
import dev.delegatemcp.wire.mcp.InitializeParams;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

/** A plain HTTP view of the MCP endpoint, for tests of the transport itself. */
public final class McpHttp {

    public static final String LATEST = "2025-11-25";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private final String token;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private String sessionId;
    private String protocolVersion = LATEST;
    private String capabilities = "{}";

    private McpHttp(String token) {
        this.token = token;
    }

    /** A client presenting this bearer token (null: none). */
    public static McpHttp withToken(String token) {
        return new McpHttp(token);
    }

    public McpHttp header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    /** The {@code capabilities} object (JSON text) this client declares at initialize; {@code {}} by default. */
    public McpHttp capabilities(String json) {
        this.capabilities = json;
        return this;
    }

    public McpHttp session(String id) {
        this.sessionId = id;
        return this;
    }

    public String sessionId() {
        return sessionId;
    }

    /** initialize with the given version; keeps the session id and negotiated version. */
    public JsonObject initialize(String version) {
        Response response = post(initializeRequest(1, version, capabilities));
        if (response.status() != 200) {
            throw new AssertionError("initialize failed: HTTP " + response.status() + " " + response.body());
        }
        sessionId = response.header("Mcp-Session-Id");
        protocolVersion = response.json().getJsonObject("result").getString("protocolVersion");
        post(WireJson.toJson(JsonRpcNotification.of(McpMethods.INITIALIZED, null)));
        return response.json();
    }

    public McpHttp initialize() {
        initialize(LATEST);
        return this;
    }

    public static String initializeRequest(int id, String version) {
        return initializeRequest(id, version, "{}");
    }

    /** An initialize request (mcp-wire records) declaring {@code capabilities} (a JSON object's text). */
    public static String initializeRequest(int id, String version, String capabilities) {
        JsonObject declared;
        try (JsonReader reader = Json.createReader(new StringReader(capabilities))) {
            declared = reader.readObject();
        }
        return WireJson.toJson(JsonRpcRequest.of(Json.createValue(id), McpMethods.INITIALIZE,
                new InitializeParams(version, declared, Implementation.of("it", "1"))));
    }

    /** A JSON-RPC request with params (a JSON object text, or null). */
    public Response request(int id, String method, String params) {
        return post("{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"method\":\"" + method + "\""
                + (params == null ? "" : ",\"params\":" + params) + "}");
    }

    /** tools/call; the response must be a JSON-RPC response. */
    public JsonObject callTool(String name, String arguments) {
        return request(7, "tools/call", "{\"name\":\"" + name + "\",\"arguments\":" + arguments + "}").json();
    }

    public Response post(String body) {
        return post(HttpRequest.BodyPublishers.ofString(body));
    }

    /** A POST of any body (a large one, one without Content-Length, ...) as application/json. */
    public Response post(HttpRequest.BodyPublisher body) {
        return send(HttpRequest.newBuilder(McpTestServer.mcp()).POST(body).header("Content-Type", "application/json"));
    }

    public Response get() {
        return send(HttpRequest.newBuilder(McpTestServer.mcp()).GET());
    }

    public Response delete() {
        return send(HttpRequest.newBuilder(McpTestServer.mcp()).DELETE());
    }

    private Response send(HttpRequest.Builder request) {
        request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json, text/event-stream");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (sessionId != null) {
            request.header("Mcp-Session-Id", sessionId).header("MCP-Protocol-Version", protocolVersion);
        }
        headers.forEach(request::setHeader);
        return execute(request.build());
    }

    private static Response execute(HttpRequest request) {
        try {
            return Response.read(HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream()),
                    "GET".equals(request.method()));
        } catch (IOException e) {
            throw new AssertionError("HTTP request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** GET of any URL on the test server. */
    public static Response get(URI uri) {
        try {
            return Response.read(
                    HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofInputStream()),
                    true);
        } catch (IOException | InterruptedException e) {
            throw new AssertionError("HTTP request failed", e);
        }
    }

    /** Any method on any URL, with exactly these headers (no token, no Accept): for CORS requests. */
    public static Response send(String method, URI uri, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30))
                .method(method, HttpRequest.BodyPublishers.noBody());
        headers.forEach(request::setHeader);
        return execute(request.build());
    }

    /**
     * An HTTP response. The body of a GET's event stream, which the server keeps open, is read up to its first event
     * only, then the connection is let go; any other body (a POST's event stream ends with its result) is read whole.
     */
    public record Response(int status, HttpHeaders headers, String body) {

        static Response read(HttpResponse<InputStream> response, boolean get) throws IOException {
            boolean stream = get
                    && response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            try (InputStream in = response.body()) {
                if (!stream) {
                    return new Response(response.statusCode(), response.headers(),
                            new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
                StringBuilder first = new StringBuilder();
                for (String line; (line = reader.readLine()) != null;) {
                    if (line.isEmpty() && first.length() == 0) {
                        continue; // a blank line before any event dispatches nothing
                    }
                    first.append(line).append('\n');
                    if (line.isEmpty()) {
                        break;
                    }
                }
                return new Response(response.statusCode(), response.headers(), first.toString());
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        /** All values of a header, each comma-separated list split into its elements. */
        public List<String> headerElements(String name) {
            return headers.allValues(name).stream().flatMap(v -> Arrays.stream(v.split(",")))
                    .map(String::trim).filter(v -> !v.isEmpty()).toList();
        }

        public JsonObject json() {
            try (JsonReader reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            } catch (RuntimeException e) {
                throw new AssertionError("Not a JSON object (HTTP " + status() + "): " + body, e);
            }
        }

        /** The JSON-RPC error code of this response. */
        public int errorCode() {
            return json().getJsonObject("error").getInt("code");
        }
    }
}
