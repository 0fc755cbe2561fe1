package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.List;

import dev.delegatemcp.it.support.McpHttp;
import dev.delegatemcp.it.support.McpTestServer;
import dev.delegatemcp.it.support.StsDouble;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.it.tools.RestClientTools;
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
 * that the STS double's records of one test are not another's.
 */
@ExtendWith(ArquillianExtension.class)
class RestClientIT {

    private static final StsDouble STS = StsDouble.get();

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return McpTestServer.realEarWithTools(RestClientTools.class.getPackage());
    }

    private static JsonObject call(McpHttp client, String tool, String arguments) {
        return client.callTool(tool, arguments).getJsonObject("result");
    }

    private static String text(JsonObject result) {
        return result.getJsonArray("content").getJsonObject(0).getString("text");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static List<Integer> statuses(String subject) {
        return STS.calendarRequests(subject).stream().map(StsDouble.CalendarRequest::status).toList();
    }

    @Test
    void eachRequestCarriesATokenExchangedForItsMethodsTargetNeverTheInboundToken() {
        String inbound = TestTokens.user("rc-ann").clientId("claude").sign();
        JsonObject result = call(McpHttp.withToken(inbound).initialize(), "rest_calendar", "{}");
        assertFalse(result.getBoolean("isError"), result.toString());
        JsonObject seen = json(text(result));
        assertEquals("rc-ann", seen.getString("subject"));
        assertEquals(StsDouble.CALENDAR, seen.getString("audience"));
        assertEquals("mcp-server", seen.getString("azp"));
        assertNotEquals(TestTokens.digest(inbound), seen.getString("tokenDigest"), "the inbound token was forwarded");
        assertEquals(1, STS.exchangesFor("rc-ann", StsDouble.CALENDAR));
    }

    @Test
    void anApiKeyTargetsRequestsCarryTheKeyInItsOwnHeader() {
        JsonObject result =
                call(McpHttp.withToken(TestTokens.user("rc-kim").sign()).initialize(), "rest_crm", "{}");
        assertFalse(result.getBoolean("isError"), result.toString());
        assertEquals("rc-kim", json(text(result)).getString("owner"));
    }

    @Test
    void a401RenewsTheCredentialOnceAndRepeatsTheGetOnce() {
        McpHttp client = McpHttp.withToken(TestTokens.user("rc-bo").sign()).initialize();
        assertFalse(call(client, "rest_calendar", "{}").getBoolean("isError"));
        STS.rejectCalendarRequests("rc-bo", 1);

        JsonObject result = call(client, "rest_calendar", "{}");

        assertFalse(result.getBoolean("isError"), result.toString());
        assertEquals(List.of(200, 401, 200), statuses("rc-bo"));
        List<StsDouble.CalendarRequest> requests = STS.calendarRequests("rc-bo");
        assertEquals(requests.get(0).tokenDigest(), requests.get(1).tokenDigest(), "the cached credential first");
        assertNotEquals(requests.get(1).tokenDigest(), requests.get(2).tokenDigest(), "then a renewed one");
        assertEquals(2, STS.exchangesFor("rc-bo", StsDouble.CALENDAR), "exactly one renewal");
    }

    @Test
    void aSecond401EndsTheCallWithASentenceAfterExactlyOneRepeat() {
        McpHttp client = McpHttp.withToken(TestTokens.user("rc-cy").sign()).initialize();
        STS.rejectCalendarRequests("rc-cy", 10);
        try {
            JsonObject result = call(client, "rest_calendar", "{}");

            assertTrue(result.getBoolean("isError"), result.toString());
            assertTrue(text(result).contains("did not accept your delegated access, even after it was renewed"),
                    text(result));
            assertEquals(List.of(401, 401), statuses("rc-cy"));
            assertEquals(2, STS.exchangesFor("rc-cy", StsDouble.CALENDAR));
        } finally {
            STS.rejectCalendarRequests("rc-cy", 0);
        }
    }

    @Test
    void a401ToAPostIsNeitherRepeatedNorRenewedAndTheNextCallGetsAFreshCredential() {
        McpHttp client = McpHttp.withToken(TestTokens.user("rc-di").sign()).initialize();
        assertFalse(call(client, "rest_calendar_add", "{\"title\":\"One\"}").getBoolean("isError"));
        STS.rejectCalendarRequests("rc-di", 1);

        JsonObject refused = call(client, "rest_calendar_add", "{\"title\":\"Two\"}");

        assertTrue(refused.getBoolean("isError"), refused.toString());
        assertTrue(text(refused).contains("The request was not sent again"), text(refused));
        assertEquals(List.of(201, 401), statuses("rc-di"), "the POST was sent once");
        assertEquals(1, STS.exchangesFor("rc-di", StsDouble.CALENDAR), "nothing renewed for a POST");

        JsonObject next = call(client, "rest_calendar_add", "{\"title\":\"Three\"}");
        assertFalse(next.getBoolean("isError"), next.toString());
        assertEquals(List.of(201, 401, 201), statuses("rc-di"));
        assertEquals(2, STS.exchangesFor("rc-di", StsDouble.CALENDAR), "the rejected credential was dropped");
        List<StsDouble.CalendarRequest> requests = STS.calendarRequests("rc-di");
        assertNotEquals(requests.get(1).tokenDigest(), requests.get(2).tokenDigest());
    }

    @Test
    void aDeniedExchangeGivesTheSameSentenceAsForACredentialParameterAndSendsNothing() {
        JsonObject result =
                call(McpHttp.withToken(TestTokens.user("rc-fay").sign()).initialize(), "rest_payroll", "{}");
        assertTrue(result.getBoolean("isError"), result.toString());
        assertEquals("Access to payroll was denied by your organisation's policy.", text(result));
        assertEquals(List.of(), STS.calendarRequests("rc-fay"));
    }

    @Test
    void outsideAnMcpRequestTheClientRefusesToSendAndSaysWhy() {
        JsonObject result = call(McpHttp.withToken(TestTokens.user("rc-ed").sign()).initialize(),
                "rest_calendar_off_thread", "{}");
        assertFalse(result.getBoolean("isError"), result.toString());
        String told = text(result);
        assertTrue(told.startsWith("java.lang.IllegalStateException: DownstreamDoubleApi.calendar needs the MCP"
                + " caller's delegated credential for 'calendar', and no MCP request is being served on this thread"),
                told);
        assertEquals(List.of(), STS.calendarRequests("rc-ed"), "nothing sent");
        assertEquals(0, STS.exchangesFor("rc-ed", StsDouble.CALENDAR), "nothing obtained");
    }
}
