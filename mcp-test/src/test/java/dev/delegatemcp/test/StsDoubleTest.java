package dev.delegatemcp.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.json.Json;
import jakarta.json.JsonObject;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StsDoubleTest {

    private static final TestHttpServer SERVER = TestHttpServer.start(0);
    private static final TestTokenIssuer ISSUER = TestTokenIssuer.create("https://issuer.test.local", "mcp");
    private static final StsDouble STS = StsDouble.on(SERVER, ISSUER, "mcp-server", "sts-test-secret");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @BeforeEach
    void reset() {
        STS.reset();
    }

    @Test
    void anExchangeGetsAJwtForTheResourceWithTheSubjectOfTheSubjectToken() throws Exception {
        String subjectToken = ISSUER.token("alice").sign();
        HttpResponse<String> response = exchange("mcp-server:sts-test-secret",
                Map.of("resource", "https://calendar.test/api", "scope", "calendar.read"), subjectToken);
        assertEquals(200, response.statusCode());
        JsonObject body = json(response.body());
        assertEquals("Bearer", body.getString("token_type"));
        assertEquals("urn:ietf:params:oauth:token-type:access_token", body.getString("issued_token_type"));
        JWTClaimsSet claims = ISSUER.verify(body.getString("access_token")).orElseThrow();
        assertEquals("alice", claims.getSubject());
        assertEquals(List.of("https://calendar.test/api"), claims.getAudience());
        assertEquals("mcp-server", claims.getStringClaim("azp"));
        assertEquals("calendar.read", claims.getStringClaim("scope"));
        assertEquals(1, STS.exchangesFor("alice", "https://calendar.test/api").size());
        assertEquals(subjectToken, STS.exchanges().get(0).subjectToken());
    }

    @Test
    void theAudienceParameterNamesTheTargetAsKeycloakSendsIt() throws Exception {
        HttpResponse<String> response =
                exchange("mcp-server:sts-test-secret", Map.of("audience", "calendar-api"), ISSUER.token("bob").sign());
        assertEquals(200, response.statusCode());
        assertEquals(List.of("calendar-api"),
                ISSUER.verify(json(response.body()).getString("access_token")).orElseThrow().getAudience());
        assertEquals("calendar-api", STS.exchanges().get(0).target());
    }

    @Test
    void aTestChoosesACredentialADenialOrAnOutagePerTarget() throws Exception {
        STS.grant("crm", exchange -> "api-key-of-" + exchange.subject()).deny("payroll").outage("broken");
        String token = ISSUER.token("carol").sign();
        HttpResponse<String> crm = exchange("mcp-server:sts-test-secret", Map.of("resource", "crm"), token);
        assertEquals("api-key-of-carol", json(crm.body()).getString("access_token"));
        assertEquals("N_A", json(crm.body()).getString("token_type"));
        HttpResponse<String> payroll = exchange("mcp-server:sts-test-secret", Map.of("resource", "payroll"), token);
        assertEquals(403, payroll.statusCode());
        assertEquals("access_denied", json(payroll.body()).getString("error"));
        HttpResponse<String> broken = exchange("mcp-server:sts-test-secret", Map.of("resource", "broken"), token);
        assertEquals(503, broken.statusCode());
        assertEquals("temporarily_unavailable", json(broken.body()).getString("error"));
        assertEquals(List.of(200, 403, 503), STS.exchanges().stream().map(StsDouble.Exchange::status).toList());
    }

    @Test
    void aTargetOnlyAcceptedAsResourceRefusesAnAudienceAndAnUnknownGrantIsUnsupported() throws Exception {
        STS.acceptTargetsOnlyAs("resource");
        try {
            HttpResponse<String> audience = exchange("mcp-server:sts-test-secret", Map.of("audience", "calendar-api"),
                    ISSUER.token("bob").sign());
            assertEquals(400, audience.statusCode());
            assertEquals("invalid_request", json(audience.body()).getString("error"));
        } finally {
            STS.reset();
        }
        HttpResponse<String> password = post("mcp-server:sts-test-secret", "grant_type=password&username=a");
        assertEquals("unsupported_grant_type", json(password.body()).getString("error"));
    }

    @Test
    void aDelayedTargetAnswersLate() throws Exception {
        STS.delay("slow", Duration.ofMillis(300));
        long start = System.nanoTime();
        assertEquals(200, exchange("mcp-server:sts-test-secret", Map.of("resource", "slow"),
                ISSUER.token("dave").sign()).statusCode());
        assertTrue(System.nanoTime() - start >= 300_000_000L);
    }

    @Test
    void wrongClientCredentialsAreRefusedWith401AndRecordNoExchange() throws Exception {
        HttpResponse<String> response =
                exchange("mcp-server:wrong", Map.of("resource", "calendar"), ISSUER.token("alice").sign());
        assertEquals(401, response.statusCode());
        assertEquals("invalid_client", json(response.body()).getString("error"));
        assertTrue(STS.exchanges().isEmpty());
    }

    @Test
    void aSubjectTokenItCannotVerifyIsAnInvalidGrant() throws Exception {
        HttpResponse<String> response = exchange("mcp-server:sts-test-secret", Map.of("resource", "calendar"),
                ISSUER.token("alice").signedByUnknownKey().sign());
        assertEquals(400, response.statusCode());
        assertEquals("invalid_grant", json(response.body()).getString("error"));
        assertNull(STS.exchanges().get(0).subject());
    }

    @Test
    void clientCredentialsGrantsAnOpaqueServerTokenWithTheScopes() throws Exception {
        HttpResponse<String> response = post("mcp-server:sts-test-secret",
                "grant_type=client_credentials&scope=outbound.token.fetch");
        String token = json(response.body()).getString("access_token");
        assertEquals(List.of("outbound.token.fetch"), STS.serverGrant(token).orElseThrow().scopes());
        assertTrue(STS.serverGrant(token).orElseThrow().liveAt(System.currentTimeMillis()));
        STS.revokeServerTokens();
        assertTrue(!STS.serverGrant(token).orElseThrow().liveAt(System.currentTimeMillis()));
    }

    private static HttpResponse<String> exchange(String client, Map<String, String> target, String subjectToken)
            throws Exception {
        Map<String, String> form = new java.util.LinkedHashMap<>(target);
        form.put("grant_type", "urn:ietf:params:oauth:grant-type:token-exchange");
        form.put("subject_token", subjectToken);
        form.put("subject_token_type", "urn:ietf:params:oauth:token-type:access_token");
        return post(client, form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&")));
    }

    private static HttpResponse<String> post(String client, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(STS.tokenEndpoint())
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonObject json(String body) {
        return Json.createReader(new StringReader(body)).readObject();
    }
}
