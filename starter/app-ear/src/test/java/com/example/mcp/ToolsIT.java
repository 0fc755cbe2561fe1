package com.example.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.test.ApiDouble;
import dev.delegatemcp.test.McpHttpException;
import dev.delegatemcp.test.McpTestClient;
import dev.delegatemcp.test.StsDouble;
import dev.delegatemcp.test.TestHttpServer;
import dev.delegatemcp.test.TestSecrets;
import dev.delegatemcp.test.TestTokenIssuer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The tools on the running test server (started by the build, see app-ear/pom.xml), with the test kit: the test JVM
 * is the token issuer, the STS and the orders API, all on one port the server's test settings point at. The system
 * properties come from failsafe (app-ear/pom.xml); the defaults here are the same values.
 */
class ToolsIT {

    private static final String MCP = System.getProperty("mcp.test.url", "http://localhost:19580/mcp-server/mcp");
    private static final URI ORDERS_URL =
            URI.create(System.getProperty("mcp.test.orders-url", "http://127.0.0.1:19598/orders"));
    private static final String ORDERS_AUDIENCE = System.getProperty("mcp.test.orders.audience", "orders-api");

    private static final TestHttpServer DOUBLES = TestHttpServer.start(ORDERS_URL.getPort());
    private static final TestTokenIssuer ISSUER =
            TestTokenIssuer.create(System.getProperty("mcp.test.issuer", "https://issuer.test.local"),
                    System.getProperty("mcp.test.resource", MCP)).serveJwks(DOUBLES);
    private static final StsDouble STS = StsDouble.on(DOUBLES, ISSUER,
            System.getProperty("mcp.test.sts.client-id", "mcp-server"),
            System.getProperty("mcp.test.sts.client-secret", "test-sts-secret-not-for-production"));
    private static final ApiDouble ORDERS = ApiDouble.bearer(DOUBLES, ORDERS_URL.getPath(), ISSUER, ORDERS_AUDIENCE)
            .answer(200, "[{\"id\":\"o-1\",\"total\":42}]");

    @AfterAll
    static void stopDoubles() {
        DOUBLES.close();
    }

    private static McpTestClient connect(String user) {
        return McpTestClient.to(MCP).bearerToken(ISSUER.token(user).sign()).connect();
    }

    @Test
    void theDoublesServeWhereTheTestServerLooks() {
        assertEquals(System.getProperty("mcp.test.jwks-url", ISSUER.jwksUri().toString()), ISSUER.jwksUri().toString());
        assertEquals(System.getProperty("mcp.test.sts.token-endpoint", STS.tokenEndpoint().toString()),
                STS.tokenEndpoint().toString());
    }

    @Test
    void greetGreetsAndABlankNameIsAnErrorTheModelCanCorrect() {
        try (McpTestClient mcp = connect("ada")) {
            assertTrue(mcp.toolNames().containsAll(List.of("greet", "list_orders")));
            mcp.callTool("greet", Map.of("name", "Ada")).assertSuccess().assertTextContains("Hello, Ada!");
            mcp.callTool("greet", Map.of("name", " ")).assertIsError()
                    .assertTextContains("The name must have 1 to 100 characters.");
        }
    }

    @Test
    void listOrdersCallsTheApiWithATokenExchangedForItNeverTheCallersOwn() {
        String callersToken = ISSUER.token("alice").sign();
        try (McpTestClient mcp = McpTestClient.to(MCP).bearerToken(callersToken).connect()) {
            mcp.callTool("list_orders", Map.of()).assertSuccess().assertTextContains("\"id\":\"o-1\"");
        }
        StsDouble.Exchange exchange = STS.exchangesFor("alice", ORDERS_AUDIENCE).get(0);
        assertEquals(callersToken, exchange.subjectToken(), "the STS got the caller's token as subject_token");
        ApiDouble.ApiRequest request = ORDERS.requestsOf("alice").get(0);
        assertEquals("GET", request.method());
        assertNotEquals(ApiDouble.digest(callersToken), request.credentialDigest(), "the caller's token went on");
    }

    @Test
    void aRefusedExchangeIsAnErrorResultAndNothingReachesTheApi() {
        int requestsBefore = ORDERS.requests().size();
        STS.deny(ORDERS_AUDIENCE);
        try (McpTestClient mcp = connect("bob")) {
            mcp.callTool("list_orders", Map.of()).assertIsError().assertTextContains("denied");
        } finally {
            STS.restore(ORDERS_AUDIENCE);
        }
        assertEquals(requestsBefore, ORDERS.requests().size(), "a request reached the orders API");
    }

    @Test
    void aRejectedTokenIsRenewedOnceAndTheGetRepeatedOnce() {
        try (McpTestClient mcp = connect("carol")) {
            mcp.callTool("list_orders", Map.of()).assertSuccess();
            ORDERS.rejectNext("carol", 1);
            mcp.callTool("list_orders", Map.of()).assertSuccess();
        }
        assertEquals(List.of(200, 401, 200),
                ORDERS.requestsOf("carol").stream().map(ApiDouble.ApiRequest::status).toList());
        assertEquals(2, STS.exchangesFor("carol", ORDERS_AUDIENCE).size(), "one renewal");
    }

    @Test
    void withoutATokenTheServerAnswers401WithItsResourceMetadata() {
        McpHttpException refused = assertThrows(McpHttpException.class, () -> McpTestClient.to(MCP).connect());
        assertEquals(401, refused.status());
        assertTrue(refused.wwwAuthenticate().contains("resource_metadata="), refused.wwwAuthenticate());
    }

    @Test
    void noTokenOrSecretReachesTheServerLog() throws IOException {
        try (McpTestClient mcp = connect("dave")) {
            mcp.callTool("list_orders", Map.of()).assertSuccess();
        }
        Path log = Path.of(System.getProperty("mcp.test.server.dir", "target/liberty/wlp/usr/servers/myMcpServerTest"),
                "logs", "messages.log");
        // Not the secret itself in the failure message: only that one was found.
        assertTrue(TestSecrets.foundIn(Files.readString(log)).isEmpty(), "a token or secret is in " + log);
    }
}
