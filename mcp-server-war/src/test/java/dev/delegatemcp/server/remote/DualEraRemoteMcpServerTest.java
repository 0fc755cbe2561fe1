package dev.delegatemcp.server.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.RemoteMcpException;
import dev.delegatemcp.api.RemoteTool;
import dev.delegatemcp.server.remote.FakeMcpServer.Received;
import dev.delegatemcp.server.remote.FakeMcpServer.Reply;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorCodes;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** The era probe and MCP 2026-07-28 stateless requests; the 2025-11-25 session: StreamableHttpRemoteMcpServerTest. */
class DualEraRemoteMcpServerTest {

    private static final String TOKEN = "tok-SECRET-1a2b3c4d";
    private static final String FRESH_TOKEN = "tok-FRESH-9z8y7x6w";

    private static final String NOT_MCP =
            "The crm service answered with something that is not MCP; please tell your administrator.";
    private static final String UNREACHABLE = "The crm service could not be reached; try again in a moment.";
    private static final String INPUT_REQUIRED = "The crm service needs more input for this request, which this "
            + "server cannot pass on to you; use the crm service directly, or ask your administrator.";

    private static final List<String> LEGACY_START =
            List.of("server/discover", "initialize", "notifications/initialized");

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();

    private FakeMcpServer server;
    private RemoteEras eras;
    private final AtomicInteger refreshes = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = new FakeMcpServer();
        eras = new RemoteEras();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    // ---------------------------------------------------------------------------------------------- helpers

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

    /** A client sharing this test's eras, as every client of one RemoteMcpServers does. */
    private StreamableHttpRemoteMcpServer client(DownstreamCredential credential) {
        return new StreamableHttpRemoteMcpServer("crm", server.url(), credential, HTTP, Duration.ofSeconds(5),
                "delegate-mcp-test", "9.9.9", eras);
    }

    private StreamableHttpRemoteMcpServer client() {
        return client(bearer(TOKEN));
    }

    private List<String> methods() {
        return server.received().stream().map(Received::rpcMethod).toList();
    }

    private static List<String> concat(List<String> first, String... then) {
        return java.util.stream.Stream.concat(first.stream(), java.util.stream.Stream.of(then)).toList();
    }

    private static JsonObject json(String text) {
        try (JsonReader reader = Json.createReader(new StringReader(text))) {
            return reader.readObject();
        }
    }

    private static void assertFailsWith(String message, Executable call) {
        RemoteMcpException e = assertThrows(RemoteMcpException.class, call);
        assertEquals(message, e.getMessage());
    }

    // ------------------------------------------------------------------------------------------- modern era

    @Test
    void modernRemoteIsProbedWithDiscoverThenServedWithStatelessRequestsAndNoInitialize() {
        server.modern = true;
        StreamableHttpRemoteMcpServer crm = client();

        assertEquals(List.of("echo"), crm.listTools().stream().map(RemoteTool::name).toList());
        assertEquals("called echo", crm.callTool("echo", Map.of("city", "Oslo")).text());

        assertEquals(List.of("server/discover", "tools/list", "tools/call"), methods());
        JsonObject meta = json("{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
                + "\"io.modelcontextprotocol/clientInfo\":{\"name\":\"delegate-mcp-test\",\"version\":\"9.9.9\"},"
                + "\"io.modelcontextprotocol/clientCapabilities\":{}}");
        for (Received request : server.received()) {
            String method = request.rpcMethod();
            assertEquals("2026-07-28", request.header("MCP-Protocol-Version"), method);
            assertEquals(method, request.header("Mcp-Method"), method);
            assertNull(request.header("Mcp-Session-Id"), method);
            assertEquals("Bearer " + TOKEN, request.header("Authorization"), method);
            assertEquals("application/json, text/event-stream", request.header("Accept"), method);
            assertEquals(meta, request.params().getJsonObject("_meta"), method);
        }
        assertEquals(json("{\"_meta\":" + meta + "}"), server.received().get(0).params());
        assertNull(server.received().get(1).header("Mcp-Name"), "tools/list has no name");
        Received call = server.received().get(2);
        assertEquals("echo", call.header("Mcp-Name"));
        assertEquals(json("{\"name\":\"echo\",\"arguments\":{\"city\":\"Oslo\"},\"_meta\":" + meta + "}"),
                call.params());
    }

    @Test
    void nonAsciiToolNameIsSentInMcpNameAsTheBase64Sentinel() {
        server.modern = true;

        assertEquals("called météo", client().callTool("météo", Map.of()).text());

        Received call = server.received("tools/call").get(0);
        assertEquals("=?base64?bcOpdMOpbw==?=", call.header("Mcp-Name"));
        assertEquals("météo", call.params().getString("name"));
    }

    @Test
    void modernToolListIsReadPageByPageWithTheCursorBesideTheMeta() {
        server.modern = true;
        server.toolPages = FakeMcpServer.pages(3, 2);

        assertEquals(6, client().listTools().size());

        List<Received> lists = server.received("tools/list");
        assertEquals(3, lists.size());
        assertFalse(lists.get(0).params().containsKey("cursor"));
        assertEquals("page-2", lists.get(2).params().getString("cursor"));
        assertTrue(lists.get(2).params().containsKey("_meta"));
    }

    @Test
    void modernEventStreamAnswerIsReadToTheResponse() {
        server.modern = true;
        server.answerWithEventStream = true;

        assertEquals("called echo", client().callTool("echo", Map.of()).text());
    }

    @Test
    void resultWithoutResultTypeIsComplete() {
        server.modern = true;
        server.on("tools/call", request -> Reply.json("{\"jsonrpc\":\"2.0\",\"id\":" + request.id()
                + ",\"result\":{\"content\":[{\"type\":\"text\",\"text\":\"old style\"}]}}"));

        assertEquals("old style", client().callTool("echo", Map.of()).text());
    }

    @Test
    void resultOfAnUnknownResultTypeIsNotMcp() {
        server.modern = true;
        server.toolResult = params -> json("{\"resultType\":\"task\",\"content\":[]}");

        assertFailsWith(NOT_MCP, () -> client().callTool("echo", Map.of()));
    }

    @Test
    void inputRequiredResultBecomesASentenceWithoutTheRemoteQuestionsOrState() {
        server.modern = true;
        server.toolResult = params -> json("{\"resultType\":\"input_required\",\"inputRequests\":{\"user_name\":"
                + "{\"method\":\"elicitation/create\",\"params\":{\"message\":\"What is your name?\","
                + "\"requestedSchema\":{\"type\":\"object\"}}}},\"requestState\":\"state-" + TOKEN + "\"}");

        RemoteMcpException e = assertThrows(RemoteMcpException.class, () -> client().callTool("echo", Map.of()));

        assertEquals(INPUT_REQUIRED, e.getMessage());
        assertEquals(1, server.received("tools/call").size(), "not retried");
    }

    @Test
    void missingRequiredClientCapabilityErrorBecomesTheSameSentence() {
        server.modern = true;
        server.on("tools/call", request -> FakeMcpServer.errorReply(400, request,
                JsonRpcErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY, "MissingRequiredClientCapabilityError",
                json("{\"requiredCapabilities\":{\"sampling\":{}}}")));

        assertFailsWith(INPUT_REQUIRED, () -> client().callTool("echo", Map.of()));
        assertEquals(1, server.received("server/discover").size(), "a modern error: no new probe");
    }

    @Test
    void modernJsonRpcErrorIsARefusalWithTheCredentialRedacted() {
        server.modern = true;
        server.on("tools/call", request -> Reply.json(FakeMcpServer.error(request, -32000,
                "token " + TOKEN + " lacks scope")));

        assertFailsWith("The crm service refused the request: token *** lacks scope",
                () -> client().callTool("echo", Map.of()));
    }

    @Test
    void methodNotFoundWith404FromAModernServerIsARefusalAndNoNewProbe() {
        server.modern = true;
        server.on("tools/list", request -> FakeMcpServer.errorReply(404, request,
                JsonRpcErrorCodes.METHOD_NOT_FOUND, "Method not found", null));

        assertFailsWith("The crm service refused the request: Method not found", client()::listTools);
        assertEquals(List.of("server/discover", "tools/list"), methods());
    }

    @Test
    void unauthorizedProbeRefreshesTheCredentialOnceForTheWholeRequest() {
        server.modern = true;
        server.requiredHeaderName = "Authorization";
        server.requiredHeaderValue = "Bearer " + FRESH_TOKEN;

        client(bearer(TOKEN, () -> bearer(FRESH_TOKEN))).listTools();

        assertEquals(1, refreshes.get());
        assertEquals(List.of("server/discover", "server/discover", "tools/list"), methods());
        assertEquals("Bearer " + TOKEN, server.received().get(0).header("Authorization"));
        assertEquals("Bearer " + FRESH_TOKEN, server.received().get(2).header("Authorization"));
    }

    @Test
    void unauthorizedStatelessRequestRefreshesAndIsSentAgainWithANewId() {
        server.modern = true;
        StreamableHttpRemoteMcpServer crm = client(bearer(TOKEN, () -> bearer(FRESH_TOKEN)));
        crm.listTools();
        server.requiredHeaderName = "Authorization";
        server.requiredHeaderValue = "Bearer " + FRESH_TOKEN;

        assertEquals("called echo", crm.callTool("echo", Map.of()).text());

        List<Received> calls = server.received("tools/call");
        assertEquals(2, calls.size());
        assertEquals("Bearer " + FRESH_TOKEN, calls.get(1).header("Authorization"));
        assertFalse(calls.get(0).id().equals(calls.get(1).id()), "a new JSON-RPC id");
    }

    // ------------------------------------------------------------------------------------------- legacy era

    @Test
    void legacyRemoteAnsweringDiscoverWith400AndNoBodyIsServedWithInitialize() {
        client().listTools();

        assertEquals(concat(LEGACY_START, "tools/list"), methods());
        assertEquals("2025-11-25", server.received().get(3).header("MCP-Protocol-Version"));
        assertEquals("session-1", server.received().get(3).header("Mcp-Session-Id"));
        assertNull(server.received().get(3).header("Mcp-Method"), "no 2026-07-28 headers in a session");
    }

    @Test
    void legacyRemoteAnsweringMethodNotFoundIsServedWithInitialize() {
        server.issueSessions = false; // discover is then answered 200 with -32601

        client().callTool("echo", Map.of());

        assertEquals(concat(LEGACY_START, "tools/call"), methods());
    }

    @Test
    void legacyRemoteAnswering404WithHtmlIsServedWithInitialize() {
        server.on("server/discover", request -> Reply.text(404, "text/html", "<h1>Not Found</h1>"));

        client().listTools();

        assertEquals(concat(LEGACY_START, "tools/list"), methods());
    }

    @Test
    void legacyRemoteAnsweringSessionRequiredIsServedWithInitialize() {
        server.on("server/discover", request -> FakeMcpServer.errorReply(400, request,
                JsonRpcErrorCodes.INVALID_REQUEST, "Bad Request: No valid session ID provided", null));

        client().listTools();

        assertEquals(concat(LEGACY_START, "tools/list"), methods());
    }

    @Test
    void legacyRemoteAnsweringDiscoverWithJsonThatIsNotTheResponseIsServedWithInitialize() {
        server.on("server/discover", request -> Reply.json("not json at all"));

        client().listTools();

        assertEquals(concat(LEGACY_START, "tools/list"), methods());
    }

    @Test
    void unsupportedProtocolVersionListingOnly20251125FallsBackToInitialize() {
        server.on("server/discover", request -> FakeMcpServer.errorReply(400, request,
                JsonRpcErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version",
                json("{\"supported\":[\"2025-11-25\"],\"requested\":\"2026-07-28\"}")));

        client().listTools();

        assertEquals(concat(LEGACY_START, "tools/list"), methods());
    }

    @Test
    void discoverResultWithout20260728FallsBackToInitialize() {
        server.on("server/discover", request -> Reply.json(FakeMcpServer.response(request,
                json("{\"supportedVersions\":[\"2027-01-01\"],\"capabilities\":{},\"resultType\":\"complete\"}"))));

        client().listTools();

        assertEquals(concat(LEGACY_START, "tools/list"), methods());
    }

    @Test
    void headerMismatchOnTheProbeMeansAModernServer() {
        server.modern = true;
        server.on("server/discover", request -> FakeMcpServer.errorReply(400, request,
                JsonRpcErrorCodes.HEADER_MISMATCH, "Header mismatch", null));

        client().listTools();

        assertEquals(List.of("server/discover", "tools/list"), methods());
    }

    // ------------------------------------------------------------------------------------------- the decision

    @Test
    void eraIsProbedOncePerEndpointAndKeptForLaterClients() {
        server.modern = true;
        client().listTools();
        client().callTool("echo", Map.of());
        client().listTools();

        assertEquals(List.of("server/discover", "tools/list", "tools/call", "tools/list"), methods());
    }

    @Test
    void legacyDecisionIsKeptForLaterClientsToo() {
        client().listTools();
        client().listTools();

        assertEquals(concat(LEGACY_START, "tools/list", "initialize", "notifications/initialized", "tools/list"),
                methods());
    }

    @Test
    void modernRequestAnsweredAsByALegacyServerProbesAgainAndFallsBackToInitialize() {
        server.modern = true;
        client().listTools();
        server.modern = false; // the endpoint now hosts a legacy server: 400 without a session

        assertEquals("called echo", client().callTool("echo", Map.of()).text());

        assertEquals(List.of("server/discover", "tools/list", "tools/call", "server/discover", "initialize",
                "notifications/initialized", "tools/call"), methods());
        client().listTools();
        assertEquals(2, server.received("server/discover").size(), "the new decision is kept");
    }

    @Test
    void modernServerGivingALegacyLookingAnswerIsProbedAgainThenTheAnswerFails() {
        server.modern = true;
        server.on("tools/call", request -> Reply.status(400));

        assertFailsWith(NOT_MCP, () -> client().callTool("echo", Map.of()));

        assertEquals(List.of("server/discover", "tools/call", "server/discover"), methods());
    }

    @Test
    void probeThatFindsNoAnswerFailsAndDecidesNothing() {
        server.modern = true;
        AtomicInteger discovers = new AtomicInteger();
        server.on("server/discover", request -> discovers.incrementAndGet() == 1 ? Reply.status(503) : null);

        assertFailsWith(UNREACHABLE, client()::listTools);
        assertTrue(eras.get(server.url()).isEmpty());

        client().listTools();
        assertEquals(List.of("server/discover", "server/discover", "tools/list"), methods());
    }
}
