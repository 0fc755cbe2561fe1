package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.TestRunDoubles;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.RestClientTools;
import dev.delegatemcp.test.ApiDouble;
import dev.delegatemcp.test.McpTestClient;
import dev.delegatemcp.test.StsDouble;
import dev.delegatemcp.test.ToolResult;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code @Downstream} on a MicroProfile Rest Client interface (the test tools' {@code DownstreamDoubleApi}), on a real
 * Liberty: each request carries the caller's delegated credential for its method's target; a 401 renews it and
 * repeats a GET once, never a POST; outside an MCP request nothing is sent. Each test has a subject of its own, so
 * that the STS double's records of one test are not another's. Written on the test kit (mcp-test) as a tool author
 * would write it.
 */
@ExtendWith(ArquillianExtension.class)
class RestClientIT {

    private static final StsDouble STS = TestRunDoubles.sts();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(RestClientTools.class.getPackage());
    }

    /** A session of the test kit's client for that user. */
    private static McpTestClient connect(String subject) {
        return McpTestClient.to(McpTestServer.mcp()).bearerToken(TestTokens.user(subject).sign()).connect();
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<Integer> statuses(String subject) {
        return TestRunDoubles.calendar().requestsOf(subject).stream().map(ApiDouble.ApiRequest::status).toList();
    }

    @Test
    void eachRequestCarriesATokenExchangedForItsMethodsTargetNeverTheInboundToken() {
        String inbound = TestTokens.user("rc-ann").clientId("claude").sign();
        JsonObject seen;
        try (McpTestClient mcp = McpTestClient.to(McpTestServer.mcp()).bearerToken(inbound).connect()) {
            seen = json(mcp.callTool("rest_calendar", Map.of()).assertSuccess().text());
        }
        assertEquals("rc-ann", seen.getString("subject"));
        assertEquals(TestRunDoubles.CALENDAR, seen.getString("audience"));
        assertEquals("mcp-server", seen.getString("azp"));
        assertNotEquals(TestTokens.digest(inbound), seen.getString("tokenDigest"), "the inbound token was forwarded");
        assertEquals(1, STS.exchangesFor("rc-ann", TestRunDoubles.CALENDAR).size());
    }

    @Test
    void anApiKeyTargetsRequestsCarryTheKeyInItsOwnHeader() {
        try (McpTestClient mcp = connect("rc-kim")) {
            assertEquals("rc-kim", json(mcp.callTool("rest_crm", Map.of()).assertSuccess().text()).getString("owner"));
        }
    }

    @Test
    void a401RenewsTheCredentialOnceAndRepeatsTheGetOnce() {
        try (McpTestClient mcp = connect("rc-bo")) {
            mcp.callTool("rest_calendar", Map.of()).assertSuccess();
            TestRunDoubles.calendar().rejectNext("rc-bo", 1);

            mcp.callTool("rest_calendar", Map.of()).assertSuccess();
        }
        assertEquals(List.of(200, 401, 200), statuses("rc-bo"));
        List<ApiDouble.ApiRequest> requests = TestRunDoubles.calendar().requestsOf("rc-bo");
        assertEquals(requests.get(0).credentialDigest(), requests.get(1).credentialDigest(),
                "the cached credential first");
        assertNotEquals(requests.get(1).credentialDigest(), requests.get(2).credentialDigest(), "then a renewed one");
        assertEquals(2, STS.exchangesFor("rc-bo", TestRunDoubles.CALENDAR).size(), "exactly one renewal");
    }

    @Test
    void aSecond401EndsTheCallWithASentenceAfterExactlyOneRepeat() {
        TestRunDoubles.calendar().rejectNext("rc-cy", 10);
        try (McpTestClient mcp = connect("rc-cy")) {
            mcp.callTool("rest_calendar", Map.of()).assertIsError()
                    .assertTextContains("did not accept your delegated access, even after it was renewed");
            assertEquals(List.of(401, 401), statuses("rc-cy"));
            assertEquals(2, STS.exchangesFor("rc-cy", TestRunDoubles.CALENDAR).size());
        } finally {
            TestRunDoubles.calendar().rejectNext("rc-cy", 0);
        }
    }

    @Test
    void a401ToAPostIsNeitherRepeatedNorRenewedAndTheNextCallGetsAFreshCredential() {
        try (McpTestClient mcp = connect("rc-di")) {
            mcp.callTool("rest_calendar_add", Map.of("title", "One")).assertSuccess();
            TestRunDoubles.calendar().rejectNext("rc-di", 1);

            mcp.callTool("rest_calendar_add", Map.of("title", "Two")).assertIsError()
                    .assertTextContains("The request was not sent again");
            assertEquals(List.of(201, 401), statuses("rc-di"), "the POST was sent once");
            assertEquals(1, STS.exchangesFor("rc-di", TestRunDoubles.CALENDAR).size(), "nothing renewed for a POST");

            mcp.callTool("rest_calendar_add", Map.of("title", "Three")).assertSuccess();
        }
        assertEquals(List.of(201, 401, 201), statuses("rc-di"));
        assertEquals(2, STS.exchangesFor("rc-di", TestRunDoubles.CALENDAR).size(),
                "the rejected credential was dropped");
        List<ApiDouble.ApiRequest> requests = TestRunDoubles.calendar().requestsOf("rc-di");
        assertNotEquals(requests.get(1).credentialDigest(), requests.get(2).credentialDigest());
    }

    @Test
    void aDeniedExchangeGivesTheSameSentenceAsForACredentialParameterAndSendsNothing() {
        int requestsBefore = TestRunDoubles.calendar().requests().size();
        try (McpTestClient mcp = connect("rc-fay")) {
            ToolResult result = mcp.callTool("rest_payroll", Map.of()).assertIsError();
            assertEquals("Access to payroll was denied by your organisation's policy.", result.text());
        }
        assertEquals(requestsBefore, TestRunDoubles.calendar().requests().size(), "nothing reached the calendar");
    }

    @Test
    void outsideAnMcpRequestTheClientRefusesToSendAndSaysWhy() {
        String told;
        int requestsBefore = TestRunDoubles.calendar().requests().size();
        try (McpTestClient mcp = connect("rc-ed")) {
            told = mcp.callTool("rest_calendar_off_thread", Map.of()).assertSuccess().text();
        }
        assertTrue(told.startsWith("java.lang.IllegalStateException: DownstreamDoubleApi.calendar needs the MCP"
                + " caller's delegated credential for 'calendar', and no MCP request is being served on this thread"),
                told);
        assertEquals(requestsBefore, TestRunDoubles.calendar().requests().size(), "nothing sent");
        assertEquals(0, STS.exchangesFor("rc-ed", TestRunDoubles.CALENDAR).size(), "nothing obtained");
    }
}
