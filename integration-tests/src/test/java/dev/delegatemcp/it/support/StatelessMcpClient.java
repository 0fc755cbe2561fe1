package dev.delegatemcp.it.support;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

/**
 * A small MCP client of revision 2026-07-28, written against the specification (Streamable HTTP: one POST per request
 * with {@code MCP-Protocol-Version}, {@code Mcp-Method}, {@code Mcp-Name}; {@code _meta} with the revision, the client's
 * identity and capabilities; no session; a JSON or event-stream answer). It does what a test asks and no more: it
 * neither answers input requests by itself nor retries.
 */
public final class StatelessMcpClient {

    /** The revision this client speaks. */
    public static final String VERSION = "2026-07-28";

    /** One answer: the HTTP status, the JSON-RPC response, and the notifications that came before it on its stream. */
    public record Answer(int status, JsonObject response, List<JsonObject> notifications) {

        /** The result, failing when the answer is an error. */
        public JsonObject result() {
            if (!response.containsKey("result")) {
                throw new AssertionError("an error, not a result (HTTP " + status + "): " + response);
            }
            return response.getJsonObject("result");
        }

        /** The error, failing when the answer is a result. */
        public JsonObject error() {
            if (!response.containsKey("error")) {
                throw new AssertionError("a result, not an error (HTTP " + status + "): " + response);
            }
            return response.getJsonObject("error");
        }
    }

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final AtomicInteger IDS = new AtomicInteger();

    private final String url;
    private final String token;
    private final JsonObject capabilities;

    /**
     * @param token the bearer token, never printed
     * @param capabilities what the client declares on every request, e.g. {@code {"elicitation": {"url": {}}}}
     */
    public StatelessMcpClient(String url, String token, JsonObject capabilities) {
        this.url = url;
        this.token = token;
        this.capabilities = capabilities;
    }

    /** {@code tools/call} with these arguments. */
    public Answer callTool(String name, JsonObject arguments) {
        return request("tools/call", name, Json.createObjectBuilder().add("name", name).add("arguments", arguments));
    }

    /**
     * The retry of a {@code tools/call} that answered input required (MCP 2026-07-28, Multi Round-Trip Requests): the
     * same name and arguments, with the answers and the {@code requestState} as given (null: none).
     */
    public Answer retryTool(String name, JsonObject arguments, JsonObject inputResponses, String requestState) {
        JsonObjectBuilder params = Json.createObjectBuilder().add("name", name).add("arguments", arguments)
                .add("inputResponses", inputResponses);
        if (requestState != null) {
            params.add("requestState", requestState);
        }
        return request("tools/call", name, params);
    }

    /** Any request: {@code nameHeader} is the {@code Mcp-Name} header (null: none). */
    public Answer request(String method, String nameHeader, JsonObjectBuilder params) {
        int id = IDS.incrementAndGet();
        JsonObject meta = Json.createObjectBuilder().add("io.modelcontextprotocol/protocolVersion", VERSION)
                .add("io.modelcontextprotocol/clientInfo",
                        Json.createObjectBuilder().add("name", "stateless-it-client").add("version", "1"))
                .add("io.modelcontextprotocol/clientCapabilities", capabilities).build();
        JsonObject body = Json.createObjectBuilder().add("jsonrpc", "2.0").add("id", id).add("method", method)
                .add("params", params.add("_meta", meta)).build();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream").header("MCP-Protocol-Version", VERSION)
                .header("Mcp-Method", method).timeout(java.time.Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body.toString()));
        if (nameHeader != null) {
            request.header("Mcp-Name", nameHeader);
        }
        HttpResponse<String> response;
        try {
            response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("POST " + url + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
        String type = response.headers().firstValue("Content-Type").orElse("");
        if (!type.startsWith("text/event-stream")) {
            return new Answer(response.statusCode(), json(response.body()), List.of());
        }
        List<JsonObject> notifications = new ArrayList<>();
        for (String line : response.body().split("\n")) {
            if (!line.startsWith("data:") || line.substring(5).isBlank()) {
                continue;
            }
            JsonObject message = json(line.substring(5).trim());
            if (message.containsKey("id") && message.get("id") instanceof jakarta.json.JsonNumber number
                    && number.intValue() == id && !message.containsKey("method")) {
                return new Answer(response.statusCode(), message, notifications);
            }
            if (message.containsKey("method") && message.containsKey("id")) {
                throw new AssertionError("the server sent a request on a 2026-07-28 stream: " + message);
            }
            notifications.add(message);
        }
        throw new AssertionError("no response on the stream: " + response.body());
    }

    private static JsonObject json(String text) {
        try (var reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new AssertionError("not a JSON object: " + text, e);
        }
    }

    /** An empty arguments object. */
    public static JsonObject noArguments() {
        return JsonValue.EMPTY_JSON_OBJECT;
    }
}
