package dev.delegatemcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ApiDoubleTest {

    private static final TestHttpServer SERVER = TestHttpServer.start(0);
    private static final TestTokenIssuer ISSUER = TestTokenIssuer.create("https://issuer.test.local", "mcp-server");
    private static final ApiDouble CALENDAR = ApiDouble.bearer(SERVER, "/calendar", ISSUER, "calendar-api");
    private static final ApiDouble CRM =
            ApiDouble.apiKey(SERVER, "/crm", "X-API-Key", key -> key.startsWith("crm-") ? "owner-of-" + key : null);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @BeforeEach
    void reset() {
        CALENDAR.reset();
        CRM.reset();
    }

    @Test
    void aTokenForItsAudienceIsAcceptedAndTheCallerRecorded() throws Exception {
        String token = ISSUER.token("alice").audience("calendar-api").clientId("mcp-server").sign();
        HttpResponse<String> response = get(CALENDAR.uri().resolve("/calendar/events?days=2"), "Bearer " + token);
        assertEquals(200, response.statusCode());
        assertEquals("alice", StsDoubleTest.json(response.body()).getString("subject"));
        assertEquals("calendar-api", StsDoubleTest.json(response.body()).getString("audience"));
        ApiDouble.ApiRequest request = CALENDAR.requestsOf("alice").get(0);
        assertEquals("/calendar/events?days=2", request.path());
        assertEquals(ApiDouble.digest(token), request.credentialDigest());
    }

    @Test
    void theMcpClientsOwnTokenIsRefusedAsPassthrough() throws Exception {
        String inbound = ISSUER.token("alice").sign();
        HttpResponse<String> response = get(CALENDAR.uri(), "Bearer " + inbound);
        assertEquals(401, response.statusCode());
        assertNull(CALENDAR.requests().get(0).subject());
        assertEquals(401, get(CALENDAR.uri(), null).statusCode());
    }

    @Test
    void rejectNextAnswers401ThatManyTimesThenAcceptsAgain() throws Exception {
        String token = ISSUER.token("bob").audience("calendar-api").sign();
        CALENDAR.rejectNext("bob", 2);
        List<Integer> statuses = List.of(get(CALENDAR.uri(), "Bearer " + token).statusCode(),
                get(CALENDAR.uri(), "Bearer " + token).statusCode(),
                get(CALENDAR.uri(), "Bearer " + token).statusCode());
        assertEquals(List.of(401, 401, 200), statuses);
        assertEquals(List.of(401, 401, 200), CALENDAR.requestsOf("bob").stream().map(ApiDouble.ApiRequest::status)
                .toList());
    }

    @Test
    void anApiKeyApiAcceptsTheKeysItIsToldAndAnswersWhatTheTestChose() throws Exception {
        CRM.answer(200, "{\"contacts\":[]}");
        HttpResponse<String> good = send(HttpRequest.newBuilder(CRM.uri()).header("X-API-Key", "crm-key-1").GET());
        assertEquals("{\"contacts\":[]}", good.body());
        HttpResponse<String> bad = send(HttpRequest.newBuilder(CRM.uri()).header("X-API-Key", "other").GET());
        assertEquals(401, bad.statusCode());
    }

    private static HttpResponse<String> get(URI uri, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
