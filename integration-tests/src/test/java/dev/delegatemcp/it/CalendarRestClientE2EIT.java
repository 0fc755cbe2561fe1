package dev.delegatemcp.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import dev.delegatemcp.it.support.CalendarProxy;
import dev.delegatemcp.it.support.DemoKeycloak;
import dev.delegatemcp.it.support.Node;
import dev.delegatemcp.it.support.TestTokens;
import dev.delegatemcp.test.TestSecrets;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo's calendar tools, which call the sample calendar service through a {@code @Downstream} MicroProfile Rest
 * Client, end to end: a real Keycloak exchanges the caller's token (RFC 8693), the second demo server calls the real
 * calendar (which validates the token with Keycloak's keys) through the test run's {@link CalendarProxy}, which shows
 * what each request carried and can answer 401 in the calendar's place. Driven by the official TypeScript SDK client.
 * Named to sort before KeycloakE2EIT, which stops Keycloak for the rest of the run.
 */
class CalendarRestClientE2EIT {

    private static final String MCP_URL = "http://localhost:" + Integer.getInteger("it.demo2.http.port", 19282)
            + "/mcp-server/mcp";
    private static final CalendarProxy PROXY = CalendarProxy.get();

    private static String bobToken;
    private static String bob;

    @BeforeAll
    static void signIn() {
        bobToken = TestSecrets.record(DemoKeycloak.userToken("bob"));
        bob = claims(bobToken).getString("sub");
    }

    private static JsonObject json(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static JsonObject claims(String jwt) {
        return json(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }

    private static JsonObject call(String tool, String arguments) {
        Node.Result result = Node.run(Map.of("MCP_URL", MCP_URL, "MCP_TOKEN", bobToken, "MCP_TOOL", tool,
                "MCP_ARGS", arguments), 180, "sdk-client.mjs", "calls");
        assertEquals(0, result.exitCode(), result.stdout() + result.stderr());
        return result.json().getJsonArray("results").getJsonObject(0);
    }

    /** What went by the proxy for bob from index {@code from} on. */
    private static List<CalendarProxy.Passed> since(int from) {
        List<CalendarProxy.Passed> all = PROXY.passed(bob);
        return all.subList(from, all.size());
    }

    @Test
    void theCalendarGetsATokenKeycloakExchangedForItsAudienceNeverTheCallersToken() {
        int from = PROXY.passed(bob).size();
        JsonObject result = call("calendar_events", "{}");

        assertFalse(result.getBoolean("isError"), result.toString());
        JsonObject seen = json(result.getString("text"));
        assertEquals(bob, seen.getString("subject"));
        assertTrue(seen.getJsonArray("audience").getValuesAs(jakarta.json.JsonString.class).stream()
                .anyMatch(aud -> aud.getString().equals("calendar-api")), seen.toString());
        assertEquals("mcp-server", seen.getString("authorizedParty"), "obtained by this server, not the client");
        List<CalendarProxy.Passed> passed = since(from);
        assertEquals(1, passed.size(), passed.toString());
        assertEquals("GET", passed.get(0).method());
        assertEquals(200, passed.get(0).status());
        assertNotEquals(TestTokens.digest(bobToken), passed.get(0).tokenDigest(), "the caller's token went on");
    }

    @Test
    void a401FromTheCalendarRenewsTheTokenAtKeycloakOnceAndRepeatsTheGetOnce() {
        call("calendar_events", "{}"); // a cached credential to be rejected
        int from = PROXY.passed(bob).size();
        PROXY.rejectNext(bob, 1);

        JsonObject result = call("calendar_events", "{}");

        assertFalse(result.getBoolean("isError"), result.toString());
        List<CalendarProxy.Passed> passed = since(from);
        assertEquals(List.of(401, 200), passed.stream().map(CalendarProxy.Passed::status).toList(), passed.toString());
        assertNotEquals(passed.get(0).tokenDigest(), passed.get(1).tokenDigest(), "a renewed token the second time");
        assertEquals(bob, json(result.getString("text")).getString("subject"), "the real calendar accepted it");
    }

    @Test
    void aCalendarThatKeepsRefusingGetsExactlyOneRepeatAndTheUserASentence() {
        int from = PROXY.passed(bob).size();
        PROXY.rejectNext(bob, 10);
        try {
            JsonObject result = call("calendar_events", "{}");

            assertTrue(result.getBoolean("isError"), result.toString());
            assertTrue(result.getString("text").startsWith("The calendar service did not accept your delegated"
                    + " access, even after it was renewed."), result.getString("text"));
            assertEquals(List.of(401, 401),
                    since(from).stream().map(CalendarProxy.Passed::status).toList());
        } finally {
            PROXY.rejectNext(bob, 0);
        }
    }

    @Test
    void a401ToAnAddedEventIsNotSentAgainAndTheNextAddGetsAFreshToken() {
        String event = "{\"title\":\"Retro\",\"day\":\"2026-12-24\"}";
        assertFalse(call("calendar_add_event", event).getBoolean("isError"));
        int from = PROXY.passed(bob).size();
        PROXY.rejectNext(bob, 1);

        JsonObject refused = call("calendar_add_event", event);

        assertTrue(refused.getBoolean("isError"), refused.toString());
        assertTrue(refused.getString("text").contains("The request was not sent again"), refused.getString("text"));
        List<CalendarProxy.Passed> passed = since(from);
        assertEquals(1, passed.size(), "the POST went once: " + passed);
        assertEquals("POST", passed.get(0).method());

        JsonObject added = call("calendar_add_event", event);
        assertFalse(added.getBoolean("isError"), added.toString());
        passed = since(from);
        assertEquals(List.of(401, 201), passed.stream().map(CalendarProxy.Passed::status).toList());
        assertNotEquals(passed.get(0).tokenDigest(), passed.get(1).tokenDigest(), "the rejected token was dropped");
        assertTrue(added.getString("text").contains("Retro"), added.getString("text"));
    }
}
