package dev.delegatemcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The client's handling of Streamable HTTP against a scripted endpoint: what it sends, how it reads event streams,
 * answers the server's requests, resumes a dropped stream and reports errors. (Against the real server:
 * integration-tests' McpTestClientIT.)
 */
class McpTestClientTest {

    private static final TestHttpServer SERVER = TestHttpServer.start(0);
    private static final ScriptedMcpEndpoint ENDPOINT = new ScriptedMcpEndpoint();

    static {
        SERVER.handle("/mcp", ENDPOINT::handle);
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    private static McpTestClient.Builder client() {
        return McpTestClient.to(SERVER.uri("/mcp")).bearerToken("good-token");
    }

    @Test
    void connectInitializesASessionAndSendsItsHeadersAfterwards() {
        int deletesBefore = ENDPOINT.deletes.size();
        try (McpTestClient mcp = client().onSampling(params -> "x").logLevel("info").connect()) {
            assertEquals("session-1", mcp.sessionId());
            assertEquals("2025-11-25", mcp.protocolVersion());
            JsonObject initialize = ENDPOINT.last("initialize");
            assertTrue(initialize.getJsonObject("params").getJsonObject("capabilities").containsKey("sampling"));
            assertFalse(initialize.getJsonObject("params").getJsonObject("capabilities").containsKey("elicitation"));
            assertEquals("info", ENDPOINT.last("logging/setLevel").getJsonObject("params")
                    .getString("level"));
            mcp.ping();
            assertEquals("session-1 2025-11-25", ENDPOINT.lastHeaders);
        }
        assertEquals(deletesBefore + 1, ENDPOINT.deletes.size(), "close ends the session");
    }

    @Test
    void listToolsFollowsEveryPage() {
        try (McpTestClient mcp = client().connect()) {
            assertEquals(List.of("first", "second"), mcp.toolNames());
        }
    }

    @Test
    void aStreamedCallCollectsNotificationsAndAnswersAnElicitation() {
        try (McpTestClient mcp = client()
                .onElicitation(params -> ElicitationReply.accept(Map.of("name", params.getString("message"))))
                .connect()) {
            ToolResult result = mcp.callTool("streamed", Map.of("n", 1)).assertSuccess()
                    .assertTextContains("accept Who are you?");
            assertEquals(List.of(new McpResponse.Progress(1, 2.0, "half")), result.progress());
            assertEquals("info", result.logs().get(0).level());
            assertEquals(1, result.response().serverRequests().size());
            JsonObject call = ENDPOINT.last("tools/call");
            assertEquals(call.get("id").toString().replace("\"", ""), call.getJsonObject("params")
                    .getJsonObject("_meta").getString("progressToken").replace("progress-", ""),
                    "the progress token names the request");
        }
    }

    @Test
    void anElicitationWithoutAHandlerIsAnsweredMethodNotFound() {
        try (McpTestClient mcp = client().connect()) {
            mcp.callTool("streamed", Map.of()).assertIsError().assertTextContains("-32601");
        }
    }

    @Test
    void aDroppedStreamIsResumedWithLastEventId() {
        try (McpTestClient mcp = client().connect()) {
            mcp.callTool("dropped", Map.of()).assertSuccess().assertTextContains("after resuming from evt-7");
            assertEquals("evt-7", ENDPOINT.lastEventIdSeen);
        }
    }

    @Test
    void aStreamCutInsideAnEventResumesAfterTheLastDispatchedEvent() {
        try (McpTestClient mcp = client().connect()) {
            mcp.callTool("cut_mid_event", Map.of()).assertSuccess().assertTextContains("after resuming from e1");
        }
    }

    @Test
    void aStreamTheServerFinishedWithoutAResponseFailsTheCallWithThatReason() {
        try (McpTestClient mcp = client().connect()) {
            AssertionError failure = assertThrows(AssertionError.class, () -> mcp.callTool("finished", Map.of()));
            assertTrue(failure.getMessage().contains("finished the event stream without a response"),
                    failure.getMessage());
        }
    }

    @Test
    void aStalledStreamFailsAtTheTimeoutInsteadOfHanging() {
        try (McpTestClient mcp = client().timeout(java.time.Duration.ofMillis(800)).connect()) {
            long start = System.nanoTime();
            AssertionError failure = assertThrows(AssertionError.class, () -> mcp.callTool("stalled", Map.of()));
            assertTrue(failure.getMessage().contains("no response within PT0.8S"), failure.getMessage());
            assertTrue(System.nanoTime() - start < 4_000_000_000L, "it waited for the stream instead");
        }
    }

    @Test
    void anAnswerWithAnotherRequestsIdIsAFailure() {
        try (McpTestClient mcp = client().connect()) {
            AssertionError failure = assertThrows(AssertionError.class, () -> mcp.callTool("other_id", Map.of()));
            assertTrue(failure.getMessage().contains("answered for another request"), failure.getMessage());
        }
    }

    @Test
    void pingRootsAndARefusedSamplingAreAnsweredAsTheBuilderSays() {
        try (McpTestClient mcp = client().roots("file:///work").onSampling(params -> null).connect()) {
            assertEquals("{} {\"roots\":[{\"uri\":\"file:///work\"}]} {\"code\":-1,\"message\":\"User rejected sampling"
                    + " request\"}", mcp.callTool("server_requests", Map.of()).text());
        }
    }

    @Test
    void structuredContentIsAssertedMemberByMemberWithItsJsonType() {
        try (McpTestClient mcp = client().connect()) {
            ToolResult result = mcp.callTool("structured", Map.of()).assertStructured("id", "o-1")
                    .assertStructured("total", 42).assertStructured("paid", true);
            assertThrows(AssertionError.class, () -> result.assertStructured("total", 41.5));
            assertThrows(AssertionError.class, () -> result.assertStructured("paid", false));
            assertThrows(AssertionError.class, () -> result.assertStructured("id", "o-2"));
        }
    }

    @Test
    void aBuilderUsedAgainChangesNoClientItAlreadyMade() {
        McpTestClient.Builder builder = client();
        try (McpTestClient first = builder.connect()) {
            builder.bearerToken("bad");
            first.ping();
            assertEquals("session-1 2025-11-25", ENDPOINT.lastHeaders, "the first client kept its own token");
        }
    }

    @Test
    void aToolFailureIsAnIsErrorResultAndAJsonRpcErrorIsAnException() {
        try (McpTestClient mcp = client().connect()) {
            ToolResult failed = mcp.callTool("failing", Map.of()).assertIsError();
            assertThrows(AssertionError.class, failed::assertSuccess);
            McpErrorException error = assertThrows(McpErrorException.class, () -> mcp.callTool("nope", Map.of()));
            assertEquals(-32602, error.code());
            assertEquals("Unknown tool: nope", error.errorMessage());
        }
    }

    @Test
    void aRefusedTokenIsAnHttpExceptionWithTheChallenge() {
        McpHttpException refused = assertThrows(McpHttpException.class,
                () -> McpTestClient.to(SERVER.uri("/mcp")).bearerToken("bad").connect());
        assertEquals(401, refused.status());
        assertEquals("Bearer resource_metadata=\"http://example.test/prm\"", refused.wwwAuthenticate());
    }

    /** A scripted MCP endpoint: just enough of a server for the client's own mechanics. */
    static final class ScriptedMcpEndpoint {
        final List<JsonObject> messages = new CopyOnWriteArrayList<>();
        final List<String> deletes = new CopyOnWriteArrayList<>();
        volatile String lastHeaders;
        volatile String lastEventIdSeen;
        volatile CompletableFuture<JsonObject> elicitationAnswer = new CompletableFuture<>();

        JsonObject last(String method) {
            List<JsonObject> received =
                    messages.stream().filter(m -> method.equals(m.getString("method", null))).toList();
            return received.get(received.size() - 1);
        }

        void handle(HttpExchange http) throws IOException {
            try (http) {
                if (!"Bearer good-token".equals(http.getRequestHeaders().getFirst("Authorization"))) {
                    http.getResponseHeaders().set("WWW-Authenticate",
                            "Bearer resource_metadata=\"http://example.test/prm\"");
                    http.sendResponseHeaders(401, -1);
                    return;
                }
                lastHeaders = http.getRequestHeaders().getFirst("Mcp-Session-Id") + " "
                        + http.getRequestHeaders().getFirst("MCP-Protocol-Version");
                switch (http.getRequestMethod()) {
                    case "DELETE" -> {
                        deletes.add(http.getRequestHeaders().getFirst("Mcp-Session-Id"));
                        http.sendResponseHeaders(204, -1);
                    }
                    case "GET" -> {
                        lastEventIdSeen = http.getRequestHeaders().getFirst("Last-Event-ID");
                        if ("finished".equals(lastEventIdSeen)) {
                            http.sendResponseHeaders(204, -1);
                            return;
                        }
                        stream(http, event("evt-8", result(pendingDroppedId,
                                "{\"content\":[{\"type\":\"text\",\"text\":\"after resuming from "
                                        + lastEventIdSeen + "\"}]}")));
                    }
                    default -> post(http);
                }
            }
        }

        private volatile String pendingDroppedId;

        private void post(HttpExchange http) throws IOException {
            JsonObject message = Json.createReader(new StringReader(
                    new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8))).readObject();
            messages.add(message);
            if (!message.containsKey("method")) {
                elicitationAnswer.complete(message);
                http.sendResponseHeaders(202, -1);
                return;
            }
            String id = String.valueOf(message.get("id"));
            switch (message.getString("method")) {
                case "initialize" -> {
                    http.getResponseHeaders().set("Mcp-Session-Id", "session-1");
                    json(http, result(id, "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{\"tools\":{}},"
                            + "\"serverInfo\":{\"name\":\"scripted\",\"version\":\"1\"}}"));
                }
                case "notifications/initialized" -> http.sendResponseHeaders(202, -1);
                case "tools/list" -> json(http, result(id, message.containsKey("params")
                        ? "{\"tools\":[{\"name\":\"second\"}]}"
                        : "{\"tools\":[{\"name\":\"first\"}],\"nextCursor\":\"page-2\"}"));
                case "tools/call" -> call(http, id, message.getJsonObject("params").getString("name"));
                default -> json(http, result(id, "{}"));
            }
        }

        private void call(HttpExchange http, String id, String tool) throws IOException {
            switch (tool) {
                case "streamed" -> {
                    elicitationAnswer = new CompletableFuture<>();
                    http.getResponseHeaders().set("Content-Type", "text/event-stream");
                    http.sendResponseHeaders(200, 0);
                    OutputStream out = http.getResponseBody();
                    write(out, event("evt-1", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/progress\",\"params\":"
                            + "{\"progressToken\":\"p\",\"progress\":1,\"total\":2,\"message\":\"half\"}}"));
                    write(out, event("evt-2", "{\"jsonrpc\":\"2.0\",\"id\":\"srv-1\",\"method\":\"elicitation/create\","
                            + "\"params\":{\"mode\":\"form\",\"message\":\"Who are you?\",\"requestedSchema\":{}}}"));
                    JsonObject answer;
                    try {
                        answer = elicitationAnswer.get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IOException(e);
                    }
                    write(out, event("evt-3", "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/message\",\"params\":"
                            + "{\"level\":\"info\",\"data\":\"answered\"}}"));
                    String text = answer.containsKey("error") ? "error " + answer.getJsonObject("error").getInt("code")
                            : answer.getJsonObject("result").getString("action") + " "
                                    + answer.getJsonObject("result").getJsonObject("content").getString("name");
                    write(out, event("evt-4", result(id, "{\"content\":[{\"type\":\"text\",\"text\":\"" + text
                            + "\"}],\"isError\":" + answer.containsKey("error") + "}")));
                    out.close();
                }
                case "dropped" -> {
                    pendingDroppedId = id;
                    stream(http, "id: evt-7\nretry: 50\ndata: \n\n");
                }
                case "cut_mid_event" -> {
                    // the connection ends inside event e2, before its blank line: e2 was never dispatched
                    pendingDroppedId = id;
                    stream(http, "id: e1\ndata: \n\nid: e2\ndata: {\"jsonrpc\":\"2.0\",\"id\":" + id);
                }
                case "finished" -> stream(http, "id: finished\ndata: \n\n");
                case "stalled" -> {
                    http.getResponseHeaders().set("Content-Type", "text/event-stream");
                    http.sendResponseHeaders(200, 0);
                    write(http.getResponseBody(), "id: s1\ndata: \n\n");
                    try {
                        Thread.sleep(5_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                case "structured" -> json(http, result(id, "{\"content\":[{\"type\":\"text\",\"text\":\"{}\"}],"
                        + "\"structuredContent\":{\"id\":\"o-1\",\"total\":42.0,\"paid\":true}}"));
                case "other_id" -> json(http, result("12345", "{\"content\":[]}"));
                case "server_requests" -> serverRequests(http, id);
                case "failing" -> json(http, result(id,
                        "{\"content\":[{\"type\":\"text\",\"text\":\"The service failed.\"}],\"isError\":true}"));
                default -> json(http, "{\"jsonrpc\":\"2.0\",\"id\":" + id
                        + ",\"error\":{\"code\":-32602,\"message\":\"Unknown tool: " + tool + "\"}}");
            }
        }

        /** Sends ping, roots/list and sampling/createMessage; the result's text lists the client's answers. */
        private void serverRequests(HttpExchange http, String id) throws IOException {
            http.getResponseHeaders().set("Content-Type", "text/event-stream");
            http.sendResponseHeaders(200, 0);
            OutputStream out = http.getResponseBody();
            StringBuilder answers = new StringBuilder();
            for (String request : List.of("{\"method\":\"ping\"}", "{\"method\":\"roots/list\"}",
                    "{\"method\":\"sampling/createMessage\",\"params\":{\"messages\":[],\"maxTokens\":5}}")) {
                elicitationAnswer = new CompletableFuture<>();
                // the request split over two data lines, which the client joins with a new line
                write(out, "data: {\"jsonrpc\":\"2.0\",\"id\":\"q\",\n" + "data: " + request.substring(1) + "\n\n");
                try {
                    JsonObject answer = elicitationAnswer.get(10, TimeUnit.SECONDS);
                    answers.append(answer.containsKey("error") ? answer.getJsonObject("error").toString()
                            : answer.getJsonObject("result").toString()).append(' ');
                } catch (Exception e) {
                    throw new IOException(e);
                }
            }
            write(out, event("r", result(id, Json.createObjectBuilder().add("content", Json.createArrayBuilder()
                    .add(Json.createObjectBuilder().add("type", "text").add("text", answers.toString().trim())))
                    .build().toString())));
            out.close();
        }

        private static String result(String id, String result) {
            return "{\"jsonrpc\":\"2.0\",\"id\":" + id + ",\"result\":" + result + "}";
        }

        private static String event(String id, String data) {
            return "id: " + id + "\ndata: " + data + "\n\n";
        }

        private static void stream(HttpExchange http, String events) throws IOException {
            http.getResponseHeaders().set("Content-Type", "text/event-stream");
            http.sendResponseHeaders(200, 0);
            try (OutputStream out = http.getResponseBody()) {
                write(out, events);
            }
        }

        private static void write(OutputStream out, String text) throws IOException {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        private static void json(HttpExchange http, String body) throws IOException {
            TestHttpServer.sendJson(http, 200, body);
        }
    }
}
