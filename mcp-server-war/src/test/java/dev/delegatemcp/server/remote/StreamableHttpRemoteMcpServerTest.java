package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteMcpException;
import dev.delegatemcp.api.RemoteTool;
import dev.delegatemcp.api.RemoteToolResult;
import dev.delegatemcp.api.ToolCallException;
import dev.delegatemcp.server.remote.FakeMcpServer.Received;
import dev.delegatemcp.server.remote.FakeMcpServer.Reply;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StreamableHttpRemoteMcpServerTest {

    private static final String TOKEN = "tok-SECRET-1a2b3c4d";
    private static final String FRESH_TOKEN = "tok-FRESH-9z8y7x6w";
    private static final String API_KEY = "key-SECRET-5e6f7g8h";

    private static final String UNREACHABLE = "The crm service could not be reached; try again in a moment.";
    private static final String NOT_MCP =
            "The crm service answered with something that is not MCP; please tell your administrator.";
    private static final String NOT_ACCEPTED =
            "The crm service did not accept your connection; reconnect it and try again.";
    private static final String FORBIDDEN =
            "The crm service did not allow this request; ask your administrator for access.";

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private FakeMcpServer server;
    private final AtomicInteger refreshes = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = new FakeMcpServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---------------------------------------------------------------------------------------------- helpers

    /** A bearer credential whose refresh() counts and hands out {@code next} (or throws when there is none). */
    private DownstreamCredential bearer(String token, Supplier<DownstreamCredential> next) {
        return new DownstreamCredential("crm", token, DownstreamCredential.Type.BEARER, null, null, Set.of(), () -> {
            refreshes.incrementAndGet();
            return next.get();
        });
    }

    private DownstreamCredential bearer(String token) {
        return bearer(token, () -> {
            throw new AssertionError("refresh() not expected");
        });
    }

    private StreamableHttpRemoteMcpServer client(DownstreamCredential credential) {
        return client(server.url(), credential, Duration.ofSeconds(5));
    }

    /**
     * A client for a server already known to be legacy (2025-11-25): these tests are about the session; the era
     * probe and the stateless requests are tested in {@link DualEraRemoteMcpServerTest}.
     */
    private static StreamableHttpRemoteMcpServer client(URI url, DownstreamCredential credential, Duration timeout) {
        RemoteEras legacy = new RemoteEras();
        legacy.remember(url, ProtocolVersion.Era.SESSION);
        return new StreamableHttpRemoteMcpServer("crm", url, credential, HTTP, timeout, "delegate-mcp-test", "9.9.9",
                legacy);
    }

    private void requireBearer(String token) {
        server.requiredHeaderName = "Authorization";
        server.requiredHeaderValue = "Bearer " + token;
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static List<String> methods(List<Received> requests) {
        return requests.stream().map(Received::rpcMethod).toList();
    }

    private static RemoteMcpException assertFailsWith(String message, Executable call) {
        RemoteMcpException e = assertThrows(RemoteMcpException.class, call);
        assertEquals(message, e.getMessage());
        return e;
    }

    // ------------------------------------------------------------------------------------------- handshake

    @Test
    void firstUseInitializesWithHeadersClientInfoThenSendsInitializedNotification() {
        requireBearer(TOKEN);
        client(bearer(TOKEN)).listTools();

        List<Received> all = server.received();
        assertEquals(List.of("initialize", "notifications/initialized", "tools/list"), methods(all));
        Received initialize = all.get(0);
        assertEquals("POST", initialize.httpMethod());
        assertEquals("application/json", initialize.header("Content-Type"));
        assertEquals("application/json, text/event-stream", initialize.header("Accept"));
        assertEquals("Bearer " + TOKEN, initialize.header("Authorization"));
        assertNull(initialize.header("Mcp-Session-Id"));
        assertEquals("2.0", initialize.json().getString("jsonrpc"));
        assertEquals(json("{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
                + "\"clientInfo\":{\"name\":\"delegate-mcp-test\",\"version\":\"9.9.9\"}}"), initialize.params());

        Received initialized = all.get(1);
        assertFalse(initialized.json().containsKey("id"), "a notification has no id");
        assertEquals("application/json", initialized.header("Content-Type"));
        assertEquals("application/json, text/event-stream", initialized.header("Accept"));
        assertEquals("session-1", initialized.header("Mcp-Session-Id"));
        assertEquals("2025-11-25", initialized.header("MCP-Protocol-Version"));
        assertEquals("Bearer " + TOKEN, initialized.header("Authorization"));
    }

    @Test
    void laterRequestsCarryTheSessionIdAndTheNegotiatedProtocolVersion() {
        server.protocolVersion = "2025-06-18";
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN));
        crm.listTools();
        crm.callTool("echo", Map.of());

        List<Received> all = server.received();
        assertEquals(List.of("initialize", "notifications/initialized", "tools/list", "tools/call"), methods(all));
        for (Received request : all.subList(1, 4)) {
            assertEquals("session-1", request.header("Mcp-Session-Id"), request.rpcMethod());
            assertEquals("2025-06-18", request.header("MCP-Protocol-Version"), request.rpcMethod());
        }
    }

    @Test
    void requestIdsIncrementPerInstanceAndInitializeHappensOnce() {
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN));
        crm.listTools();
        crm.callTool("echo", Map.of());
        crm.callTool("echo", Map.of());

        List<Received> requests = server.received().stream().filter(r -> r.json().containsKey("id")).toList();
        assertEquals(List.of("initialize", "tools/list", "tools/call", "tools/call"), methods(requests));
        assertEquals(List.of(1, 2, 3, 4), requests.stream().map(r -> r.json().getInt("id")).toList());
    }

    @Test
    void serverWithoutSessionsGetsNoSessionHeaderButTheProtocolVersion() {
        server.issueSessions = false;
        client(bearer(TOKEN)).callTool("echo", Map.of());

        for (Received request : server.received().subList(1, 3)) {
            assertNull(request.header("Mcp-Session-Id"));
            assertEquals("2025-11-25", request.header("MCP-Protocol-Version"));
        }
    }

    @Test
    void unsupportedProtocolVersionFailsWithASentenceForTheAdministrator() {
        server.protocolVersion = "2024-11-05";
        assertFailsWith("The crm service speaks a version of MCP this server does not support; please tell your "
                + "administrator.", () -> client(bearer(TOKEN)).listTools());
    }

    // ------------------------------------------------------------------------------------------ credentials

    @Test
    void bearerCredentialIsSentAsAuthorizationHeaderOnEveryRequest() {
        requireBearer(TOKEN);
        client(bearer(TOKEN)).callTool("echo", Map.of());

        assertEquals(3, server.received().size());
        server.received().forEach(r -> assertEquals("Bearer " + TOKEN, r.header("Authorization"), r.rpcMethod()));
    }

    @Test
    void apiKeyCredentialIsSentInItsConfiguredHeaderAndNoAuthorization() {
        server.requiredHeaderName = "X-API-Key";
        server.requiredHeaderValue = API_KEY;
        DownstreamCredential key = new DownstreamCredential("crm", API_KEY, DownstreamCredential.Type.API_KEY,
                "X-API-Key", null, Set.of(), () -> null);

        RemoteToolResult result = client(key).callTool("echo", Map.of());

        assertEquals("called echo", result.text());
        server.received().forEach(r -> {
            assertEquals(API_KEY, r.header("X-API-Key"), r.rpcMethod());
            assertNull(r.header("Authorization"), r.rpcMethod());
        });
    }

    @Test
    void unauthorizedOnInitializeRefreshesTheCredentialOnceThenSucceeds() {
        requireBearer(FRESH_TOKEN);
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN, () -> bearer(FRESH_TOKEN)));

        assertEquals(List.of("echo"), crm.listTools().stream().map(RemoteTool::name).toList());
        crm.callTool("echo", Map.of());

        assertEquals(1, refreshes.get());
        List<Received> all = server.received();
        assertEquals(List.of("initialize", "initialize", "notifications/initialized", "tools/list", "tools/call"),
                methods(all));
        assertEquals("Bearer " + TOKEN, all.get(0).header("Authorization"));
        all.subList(1, all.size()).forEach(r -> assertEquals("Bearer " + FRESH_TOKEN, r.header("Authorization")));
    }

    @Test
    void unauthorizedOnALaterRequestRefreshesReinitializesAndRetriesOnce() {
        requireBearer(TOKEN);
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN, () -> bearer(FRESH_TOKEN)));
        crm.listTools();
        requireBearer(FRESH_TOKEN); // the first credential is revoked

        RemoteToolResult result = crm.callTool("echo", Map.of());

        assertEquals("called echo", result.text());
        assertEquals(1, refreshes.get());
        assertEquals(List.of("initialize", "notifications/initialized", "tools/list", "tools/call", "initialize",
                "notifications/initialized", "tools/call"), methods(server.received()));
        assertEquals("session-2", server.received().get(6).header("Mcp-Session-Id"));
        assertEquals("Bearer " + FRESH_TOKEN, server.received().get(6).header("Authorization"));
    }

    @Test
    void unauthorizedAgainAfterTheRefreshFailsWithReconnectSentence() {
        requireBearer("never-accepted");
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN, () -> bearer(FRESH_TOKEN)));

        assertFailsWith(NOT_ACCEPTED, crm::listTools);
        assertEquals(1, refreshes.get());
        assertEquals(List.of("initialize", "initialize"), methods(server.received()));
    }

    @Test
    void unauthorizedOnTheRequestAfterARefreshFails() {
        server.on("tools/call", request -> Reply.status(401));
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN, () -> bearer(FRESH_TOKEN)));

        assertFailsWith(NOT_ACCEPTED, () -> crm.callTool("echo", Map.of()));
        assertEquals(1, refreshes.get());
        assertEquals(2, server.received("tools/call").size());
    }

    @Test
    void failureToObtainAFreshCredentialPropagatesTheCredentialServiceSentence() {
        requireBearer(FRESH_TOKEN);
        String sentence = "Your sign-in was not accepted for crm; sign in again and retry.";
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN, () -> {
            throw new ToolCallException(sentence);
        }));

        ToolCallException e = assertThrows(ToolCallException.class, crm::listTools);
        assertEquals(sentence, e.getMessage());
    }

    @Test
    void credentialThatCannotBeAHeaderValueFailsWithoutShowingIt() {
        String broken = "tok-SECRET\nInjected: yes";
        RemoteMcpException e = assertFailsWith(NOT_ACCEPTED, () -> client(bearer(broken)).listTools());
        assertNull(e.getCause());
        assertTrue(server.received().isEmpty());
    }

    // ------------------------------------------------------------------------------------------------ sessions

    @Test
    void expiredSessionIsInitializedAgainAndTheRequestRetried() {
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN));
        crm.listTools();
        server.expireSessions();

        assertEquals("called echo", crm.callTool("echo", Map.of()).text());

        assertEquals(List.of("initialize", "notifications/initialized", "tools/list", "tools/call", "initialize",
                "notifications/initialized", "tools/call"), methods(server.received()));
        assertEquals("session-1", server.received().get(3).header("Mcp-Session-Id"));
        assertEquals("session-2", server.received().get(6).header("Mcp-Session-Id"));
        assertEquals(0, refreshes.get());
    }

    @Test
    void sessionThatExpiresAgainAfterReinitializingFails() {
        server.on("tools/call", request -> Reply.status(404));
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN));

        assertFailsWith(UNREACHABLE, () -> crm.callTool("echo", Map.of()));
        assertEquals(2, server.received("initialize").size());
        assertEquals(2, server.received("tools/call").size());
    }

    @Test
    void notFoundWithoutASessionIsNotMcp() {
        server.on("initialize", request -> Reply.status(404));
        assertFailsWith(NOT_MCP, () -> client(bearer(TOKEN)).listTools());
        assertEquals(1, server.received().size());
    }

    // ----------------------------------------------------------------------------------------------- answers

    @Test
    void jsonAnswerIsMappedToTheToolResult() {
        server.toolResult = params -> json("{\"content\":[{\"type\":\"text\",\"text\":\"Acme Ltd\"},"
                + "{\"type\":\"text\",\"text\":\"since 2019\"}],\"structuredContent\":{\"name\":\"Acme Ltd\"}}");
        JsonObject arguments = json("{\"name\":\"Acme\",\"limit\":3}");

        RemoteToolResult result = client(bearer(TOKEN)).callTool("lookup_customer", arguments);

        assertEquals("Acme Ltd\nsince 2019", result.text());
        assertEquals(json("{\"name\":\"Acme Ltd\"}"), result.structuredContent());
        assertFalse(result.isError());
        JsonObject params = server.received("tools/call").get(0).params();
        assertEquals("lookup_customer", params.getString("name"));
        assertEquals(arguments, params.getJsonObject("arguments"));
    }

    @Test
    void eventStreamAnswerSkipsPrimingNotificationsAndServerRequests() {
        server.answerWithEventStream = true;
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN));

        assertEquals(List.of("echo"), crm.listTools().stream().map(RemoteTool::name).toList());
        assertEquals("called echo", crm.callTool("echo", Map.of()).text());
    }

    @Test
    void eventStreamDataOverSeveralLinesIsJoinedAndOtherIdsAreSkipped() {
        server.on("tools/call", request -> {
            String other = FakeMcpServer.response(Json.createValue(99), FakeMcpServer.result("not mine"))
                    .toString();
            String mine = FakeMcpServer.response(request, FakeMcpServer.result("mine")).toString();
            int half = mine.indexOf("\"result\"");
            String body = ": a comment\r\nevent: message\r\ndata: " + other + "\r\n\r\n"
                    + "retry: 1000\r\ndata: " + mine.substring(0, half) + "\r\ndata: " + mine.substring(half)
                    + "\r\n\r\n";
            return Reply.text(200, "text/event-stream; charset=utf-8", body);
        });

        assertEquals("mine", client(bearer(TOKEN)).callTool("echo", Map.of()).text());
    }

    @Test
    void eventStreamIsReadOnlyUntilTheResponseEvenIfTheServerKeepsItOpen() {
        server.onRaw("tools/call", (exchange, request) -> {
            FakeMcpServer.startEventStream(exchange,
                    "data: " + FakeMcpServer.notification("notifications/progress"),
                    "data: " + FakeMcpServer.response(request, FakeMcpServer.result("early")));
            server.hang();
        });
        StreamableHttpRemoteMcpServer crm = client(server.url(), bearer(TOKEN), Duration.ofSeconds(30));

        long start = System.nanoTime();
        assertEquals("early", crm.callTool("echo", Map.of()).text());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10);
    }

    @Test
    void eventStreamThatNeverSendsTheResponseTimesOut() {
        server.onRaw("tools/call", (exchange, request) -> {
            OutputStream out = FakeMcpServer.startEventStream(exchange,
                    "data: " + FakeMcpServer.notification("notifications/progress"));
            out.flush();
            server.hang();
        });
        StreamableHttpRemoteMcpServer crm = client(server.url(), bearer(TOKEN), Duration.ofMillis(1500));

        long start = System.nanoTime();
        assertFailsWith(UNREACHABLE, () -> crm.callTool("echo", Map.of()));
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 8);
    }

    @Test
    void eventStreamThatEndsWithoutTheResponseSaysUnreachable() {
        server.on("tools/call", request -> Reply.sse("data: " + FakeMcpServer.notification("notifications/x")));
        assertFailsWith(UNREACHABLE, () -> client(bearer(TOKEN)).callTool("echo", Map.of()));
    }

    @Test
    void listToolsFollowsNextCursorThroughEveryPage() {
        server.toolPages = FakeMcpServer.pages(3, 2);

        List<RemoteTool> tools = client(bearer(TOKEN)).listTools();

        assertEquals(List.of("tool_0_0", "tool_0_1", "tool_1_0", "tool_1_1", "tool_2_0", "tool_2_1"),
                tools.stream().map(RemoteTool::name).toList());
        List<Received> lists = server.received("tools/list");
        assertEquals(3, lists.size());
        assertFalse(lists.get(0).params().containsKey("cursor"));
        assertEquals("page-1", lists.get(1).params().getString("cursor"));
        assertEquals("page-2", lists.get(2).params().getString("cursor"));
    }

    @Test
    void listToolsGivesUpAfterOneHundredPages() {
        server.on("tools/list", request -> Reply.json(FakeMcpServer.response(request,
                json("{\"tools\":[],\"nextCursor\":\"again\"}"))));

        assertFailsWith(NOT_MCP, () -> client(bearer(TOKEN)).listTools());
        assertEquals(100, server.received("tools/list").size());
    }

    @Test
    void listedToolsKeepTitleDescriptionAndSchemas() {
        server.toolPages = List.of(List.of(
                FakeMcpServer
                        .tool(json("{\"name\":\"lookup\",\"title\":\"Look up\",\"description\":\"Finds a customer\","
                                + "\"inputSchema\":{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}},"
                                + "\"outputSchema\":{\"type\":\"object\"}}")),
                FakeMcpServer.tool(json("{\"name\":\"old\",\"annotations\":{\"title\":\"Old style title\"},"
                        + "\"inputSchema\":{\"type\":\"object\"}}"))));

        List<RemoteTool> tools = client(bearer(TOKEN)).listTools();

        assertEquals(new RemoteTool("lookup", "Look up", "Finds a customer",
                json("{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\"}}}"),
                json("{\"type\":\"object\"}")), tools.get(0));
        assertEquals(new RemoteTool("old", "Old style title", null, json("{\"type\":\"object\"}"), null),
                tools.get(1));
    }

    @Test
    void remoteToolErrorIsReturnedNotThrown() {
        server.toolResult = params -> json("{\"content\":[{\"type\":\"text\",\"text\":\"No such customer\"}],"
                + "\"isError\":true}");

        RemoteToolResult result = client(bearer(TOKEN)).callTool("lookup", Map.of("name", "Nobody"));

        assertTrue(result.isError());
        assertEquals("No such customer", result.text());
        assertNull(result.structuredContent());
        assertTrue(result.toResponse().isError());
    }

    @Test
    void everyContentTypeIsMappedAndUnknownTypesAreKeptAsANote() {
        server.toolResult = params -> json("{\"content\":["
                + "{\"type\":\"text\",\"text\":\"hello\"},"
                + "{\"type\":\"image\",\"data\":\"iVBORw==\",\"mimeType\":\"image/png\"},"
                + "{\"type\":\"audio\",\"data\":\"UklGRg==\",\"mimeType\":\"audio/wav\"},"
                + "{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///a.txt\",\"mimeType\":\"text/plain\","
                + "\"text\":\"A\"}},"
                + "{\"type\":\"resource\",\"resource\":{\"uri\":\"file:///b.bin\",\"blob\":\"AAE=\"}},"
                + "{\"type\":\"resource_link\",\"uri\":\"https://crm.example/c/1\",\"name\":\"customer-1\"},"
                + "{\"type\":\"hologram\",\"data\":\"...\"}]}");

        RemoteToolResult result = client(bearer(TOKEN)).callTool("report", Map.of());

        assertEquals(List.of(
                Content.text("hello"),
                new Content.Image("iVBORw==", "image/png"),
                new Content.Audio("UklGRg==", "audio/wav"),
                new Content.Resource("file:///a.txt", "text/plain", "A", null),
                new Content.Resource("file:///b.bin", null, null, "AAE="),
                Content.text("[resource link: customer-1 https://crm.example/c/1]"),
                Content.text("[unsupported content type: hologram]")), result.content());
        assertFalse(result.isError());
    }

    @Test
    void malformedContentItemIsNotMcp() {
        server.toolResult = params -> json("{\"content\":[{\"type\":\"image\",\"data\":\"AA==\"}]}");
        assertFailsWith(NOT_MCP, () -> client(bearer(TOKEN)).callTool("report", Map.of()));
    }

    @Test
    void jsonRpcErrorBecomesExceptionWithTheRemoteMessage() {
        server.on("tools/call", request -> Reply.json(FakeMcpServer.error(request, -32602, "Unknown tool: nope")));
        assertFailsWith("The crm service refused the request: Unknown tool: nope",
                () -> client(bearer(TOKEN)).callTool("nope", Map.of()));
    }

    @Test
    void jsonRpcErrorMessageIsStrippedOfControlCharactersTokensAndCappedAt200() {
        String remote = "Bad\r\n\tthing\u0007 \u202Ehappened; header was Bearer " + TOKEN + " " + "x".repeat(500);
        server.on("tools/call", request -> Reply.json(FakeMcpServer.error(request, -32000, remote)));

        RemoteMcpException e = assertThrows(RemoteMcpException.class,
                () -> client(bearer(TOKEN)).callTool("echo", Map.of()));

        String prefix = "The crm service refused the request: ";
        assertTrue(e.getMessage().startsWith(prefix + "Bad thing happened; header was Bearer *** xxx"),
                e.getMessage());
        assertEquals(prefix.length() + 200, e.getMessage().length());
        assertFalse(e.getMessage().contains(TOKEN));
        assertTrue(e.getMessage().chars().noneMatch(c -> Character.isISOControl(c)
                || Character.getType(c) == Character.FORMAT), e.getMessage());
    }

    @Test
    void jsonRpcErrorInAnHttp400AnswerIsShownAsARefusal() {
        server.on("tools/call", request -> new Reply(400, Map.of("Content-Type", "application/json"),
                FakeMcpServer.error(request, -32602, "Invalid params: name is required")));
        assertFailsWith("The crm service refused the request: Invalid params: name is required",
                () -> client(bearer(TOKEN)).callTool("echo", Map.of()));
    }

    @ParameterizedTest
    @ValueSource(ints = {408, 429, 500, 502, 503, 504})
    void unavailableStatusSaysTheServiceCouldNotBeReached(int status) {
        server.on("tools/call", request -> Reply.text(status, "text/html", "<h1>down</h1>"));
        assertFailsWith(UNREACHABLE, () -> client(bearer(TOKEN)).callTool("echo", Map.of()));
    }

    @Test
    void forbiddenStatusSaysTheRequestIsNotAllowed() {
        server.on("tools/call", request -> Reply.status(403));
        assertFailsWith(FORBIDDEN, () -> client(bearer(TOKEN)).callTool("echo", Map.of()));
    }

    @Test
    void answersThatAreNotMcpSaySo() {
        List<Function<Received, Reply>> answers = List.of(
                request -> Reply.status(400),
                request -> Reply.status(405),
                request -> Reply.status(415),
                request -> Reply.status(302).withHeader("Location", "https://elsewhere.example/"),
                request -> Reply.status(202),
                request -> Reply.text(200, "text/html", "<html>Sign in</html>"),
                request -> Reply.text(200, "application/json", "{\"jsonrpc\":\"2.0\",\"id\":"),
                request -> Reply.text(200, "application/json", "[" + FakeMcpServer.response(request,
                        FakeMcpServer.result("batched")) + "]"),
                request -> Reply.json(FakeMcpServer.response(Json.createValue(1234), FakeMcpServer.result("x"))),
                request -> Reply.json(json("{\"jsonrpc\":\"2.0\",\"id\":" + request.id() + ",\"result\":[]}")),
                request -> Reply.sse("data: {not json"));
        for (Function<Received, Reply> answer : answers) {
            server.on("tools/call", answer);
            assertFailsWith(NOT_MCP, () -> client(bearer(TOKEN)).callTool("echo", Map.of()));
        }
    }

    // -------------------------------------------------------------------------------------- unreachable, time

    @Test
    void unreachableServerFailsQuicklyWithTheUserSentence() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        StreamableHttpRemoteMcpServer crm = client(URI.create("http://127.0.0.1:" + port + "/mcp"), bearer(TOKEN),
                Duration.ofSeconds(10));

        long start = System.nanoTime();
        assertFailsWith(UNREACHABLE, crm::listTools);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
    }

    @Test
    void serverThatDoesNotAnswerTimesOutWithTheUserSentence() {
        server.onRaw("initialize", (exchange, request) -> server.hang());
        StreamableHttpRemoteMcpServer crm = client(server.url(), bearer(TOKEN), Duration.ofMillis(500));

        long start = System.nanoTime();
        assertFailsWith(UNREACHABLE, crm::listTools);
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 5);
        assertEquals(1, server.received().size(), "a time-out is not retried");
    }

    // ---------------------------------------------------------------------------------------------- secrets

    @Test
    void exceptionMessagesNeverContainTheToken() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        List<Callable<Object>> failures = new ArrayList<>();
        failures.add(() -> {
            requireBearer("never");
            return client(bearer(TOKEN, () -> bearer(FRESH_TOKEN))).listTools();
        });
        failures.add(() -> {
            server.requiredHeaderName = null;
            server.on("tools/call", request -> Reply.json(FakeMcpServer.error(request, -1,
                    "you sent Authorization: Bearer " + TOKEN)));
            return client(bearer(TOKEN)).callTool("echo", Map.of());
        });
        failures.add(() -> {
            server.on("tools/call", request -> Reply.text(500, "text/plain", "token " + TOKEN + " broke us"));
            return client(bearer(TOKEN)).callTool("echo", Map.of());
        });
        failures.add(() -> {
            server.on("tools/call", request -> Reply.text(200, "application/json", "{\"echo\":\"" + TOKEN));
            return client(bearer(TOKEN)).callTool("echo", Map.of());
        });
        failures.add(() -> client(URI.create("http://127.0.0.1:" + closedPort + "/mcp"), bearer(TOKEN),
                Duration.ofSeconds(2)).listTools());
        failures.add(() -> {
            server.onRaw("initialize", (exchange, request) -> server.hang());
            return client(server.url(), bearer(TOKEN), Duration.ofMillis(300)).listTools();
        });

        for (Callable<Object> failure : failures) {
            RemoteMcpException e = assertThrows(RemoteMcpException.class, failure::call);
            for (Throwable t = e; t != null; t = t.getCause()) {
                for (String secret : List.of(TOKEN, FRESH_TOKEN)) {
                    assertFalse(String.valueOf(t.getMessage()).contains(secret), t.toString());
                    assertFalse(t.toString().contains(secret), t.toString());
                }
            }
            assertFalse(e.getMessage().contains("Bearer " + TOKEN));
            assertFalse(e.getMessage().contains("127.0.0.1"), e.getMessage());
        }
    }

    @Test
    void logsHoldTargetMethodAndStatusButNeverTheToken() {
        Logger logger = Logger.getLogger(StreamableHttpExchange.class.getName());
        List<LogRecord> records = new ArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Level previous = logger.getLevel();
        logger.setLevel(Level.ALL);
        logger.addHandler(handler);
        try {
            requireBearer(FRESH_TOKEN);
            StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN, () -> bearer(FRESH_TOKEN)));
            crm.listTools();
            server.on("tools/call", request -> Reply.json(FakeMcpServer.error(request, -1, "bad " + FRESH_TOKEN)));
            assertThrows(RemoteMcpException.class, () -> crm.callTool("echo", Map.of()));
        } finally {
            logger.removeHandler(handler);
            logger.setLevel(previous);
        }

        SimpleFormatter formatter = new SimpleFormatter();
        List<String> lines = records.stream().map(formatter::formatMessage).toList();
        assertTrue(lines.contains("Remote MCP crm initialize: HTTP 401"), lines.toString());
        assertTrue(lines.contains("Remote MCP crm tools/list: HTTP 200"), lines.toString());
        for (LogRecord record : records) {
            assertTrue(record.getLevel().intValue() <= Level.FINE.intValue(), record.getLevel().toString());
            assertNull(record.getThrown());
            String line = formatter.format(record);
            assertFalse(line.contains(TOKEN) || line.contains(FRESH_TOKEN) || line.contains("Bearer"), line);
        }
    }

    // ------------------------------------------------------------------------------------------ map arguments

    @Test
    void mapArgumentsAreConvertedToJson() {
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("missing", null);
        nested.put("flag", true);
        Map<String, Object> arguments = new LinkedHashMap<>();
        arguments.put("name", "Acme");
        arguments.put("count", 3);
        arguments.put("big", 12_345_678_901L);
        arguments.put("ratio", 1.1f);
        arguments.put("small", (short) 7);
        arguments.put("price", new BigDecimal("19.99"));
        arguments.put("tags", List.of("a", "b"));
        arguments.put("ids", new int[] {1, 2});
        arguments.put("nested", nested);
        arguments.put("raw", Json.createValue("json"));

        client(bearer(TOKEN)).callTool("echo", arguments);

        assertEquals(json("{\"name\":\"Acme\",\"count\":3,\"big\":12345678901,\"ratio\":1.1,\"small\":7,"
                + "\"price\":19.99,\"tags\":[\"a\",\"b\"],\"ids\":[1,2],\"nested\":{\"missing\":null,\"flag\":true},"
                + "\"raw\":\"json\"}"), server.received("tools/call").get(0).params().getJsonObject("arguments"));
    }

    @Test
    void mapArgumentOfAnUnsupportedTypeIsRejectedBeforeAnythingIsSent() {
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> crm.callTool("echo", Map.of("when", Map.of("day", LocalDate.of(2025, 1, 2)))));
        assertTrue(e.getMessage().contains("arguments.when.day"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> crm.callTool("echo", Map.of("nan", Double.NaN)));
        assertTrue(server.received().isEmpty());
    }

    @Test
    void nullArgumentsAreSentAsAnEmptyObject() {
        client(bearer(TOKEN)).callTool("echo", (Map<String, ?>) null);
        assertEquals(JsonValue.EMPTY_JSON_OBJECT,
                server.received("tools/call").get(0).params().getJsonObject("arguments"));
    }

    // ------------------------------------------------------------------------------------------------ threads

    @Test
    void oneInstanceIsSafeWhenCallsOverlap() throws Exception {
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<RemoteToolResult>> calls = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                calls.add(pool.submit(() -> crm.callTool("echo", Map.of())));
            }
            for (Future<RemoteToolResult> call : calls) {
                assertEquals("called echo", call.get().text());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, server.received("initialize").size());
        List<Integer> ids = server.received("tools/call").stream().map(r -> r.json().getInt("id")).sorted().toList();
        assertEquals(12, Set.copyOf(ids).size(), "every request has its own id");
    }

    @Test
    void nameIsTheTargetName() {
        assertEquals("crm", client(bearer(TOKEN)).name());
        assertTrue(server.received().isEmpty(), "nothing is sent before first use");
    }

    @Test
    void constructorRejectsAUrlThatIsNotHttp() {
        assertThrows(IllegalArgumentException.class,
                () -> client(URI.create("ftp://crm.example/mcp"), bearer(TOKEN), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class,
                () -> client(URI.create("/relative/mcp"), bearer(TOKEN), Duration.ofSeconds(1)));
    }
}
