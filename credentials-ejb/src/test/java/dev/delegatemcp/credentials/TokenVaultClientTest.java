package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.interaction.TraceContext;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;

import org.junit.jupiter.api.Test;

/** The vault client's wire records and error classification. */
class TokenVaultClientTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");

    private static JsonObject parse(String text) {
        return Json.createReader(new StringReader(text)).readObject();
    }

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** The stored token read as the MP Rest Client reads it (JSON-B), as a credential. */
    private static IssuedToken token(String json, Instant now) {
        return JSONB.fromJson(json, VaultTokenResponse.Token.class).toIssuedToken(now);
    }

    @Test
    void userBodyByScopesHasAppUserScopesAndNoRefreshToken() {
        JsonObject body =
                parse(JSONB.toJson(VaultTokenQuery.of(new StoredTokenRequest("crm", Downstream.Level.USER, "u-1",
                        null, List.of("crm.read", "crm.write"), false))));
        assertEquals(parse("{\"appId\":\"crm\",\"userId\":\"u-1\",\"scopes\":[\"crm.read\",\"crm.write\"],"
                + "\"options\":{\"withRefreshToken\":false,\"forceRefresh\":false}}"), body);
    }

    @Test
    void tenantBodyWithoutScopesAsksForTheLatestWithForceRefresh() {
        JsonObject body = parse(JSONB.toJson(VaultTokenQuery.of(new StoredTokenRequest("docs", Downstream.Level.TENANT,
                "u-1", "acme", List.of(), true))));
        assertEquals(parse("{\"appId\":\"docs\",\"tenantId\":\"acme\","
                + "\"options\":{\"withRefreshToken\":false,\"forceRefresh\":true}}"), body);
    }

    @Test
    void tokenMapsAccessTokenTypeScopesAndLifetimeFromTheExpiry() {
        IssuedToken token = token(("{\"id\":\"t1\",\"appId\":\"crm\",\"accessToken\":\"s3cr3t\","
                + "\"accessTokenType\":\"bearer\",\"accessTokenExpiry\":" + NOW.plusSeconds(600).getEpochSecond()
                + ",\"hasRefreshToken\":true,\"scopes\":[\"crm.read\"],\"tenantId\":\"acme\"}"), NOW);
        assertEquals("s3cr3t", token.accessToken());
        assertEquals("bearer", token.tokenType());
        assertEquals(Duration.ofMinutes(10), token.expiresIn());
        assertEquals(Set.of("crm.read"), token.scopes());
        assertFalse(token.toString().contains("s3cr3t"));
    }

    @Test
    void anExpiryGivenAsANumericStringIsRead() {
        IssuedToken token = token(("{\"accessToken\":\"a\",\"accessTokenExpiry\":\""
                + NOW.plusSeconds(90).getEpochSecond() + "\"}"), NOW);
        assertEquals(Duration.ofSeconds(90), token.expiresIn());
        assertTrue(token.scopes().isEmpty());
    }

    @Test
    void aMissingOrZeroExpiryMeansUnknownLifetime() {
        assertNull(token(("{\"accessToken\":\"a\"}"), NOW).expiresIn());
        assertNull(token(("{\"accessToken\":\"a\",\"accessTokenExpiry\":0}"), NOW).expiresIn());
    }

    @Test
    void notFoundMeansNotConnected() {
        assertEquals(CredentialException.Reason.NOT_CONNECTED, TokenVaultErrorMapper.classify(404, null));
        assertEquals(CredentialException.Reason.NOT_CONNECTED, TokenVaultErrorMapper.classify(400, "Token not found"));
    }

    @Test
    void otherStatusesMapToTheirReasons() {
        assertEquals(CredentialException.Reason.CLIENT_UNAUTHORIZED,
                TokenVaultErrorMapper.classify(401, "Unauthorized"));
        assertEquals(CredentialException.Reason.DENIED, TokenVaultErrorMapper.classify(403, null));
        assertEquals(CredentialException.Reason.UNAVAILABLE, TokenVaultErrorMapper.classify(503, null));
        assertEquals(CredentialException.Reason.UNAVAILABLE, TokenVaultErrorMapper.classify(429, null));
        assertEquals(CredentialException.Reason.FAILED, TokenVaultErrorMapper.classify(400, "Bad request"));
    }

    // --- trace context headers ------------------------------------------------------------------------------------

    private static final TraceContext TRACE = new TraceContext(
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "congo=t61rcWkgMzE");

    /** The vault as the client calls it: remembers which endpoint got which trace headers. */
    static final class RecordingVault implements TokenVaultApi {
        final List<String> calls = new java.util.ArrayList<>();

        private VaultTokenResponse answer(String endpoint, String traceparent, String tracestate) {
            calls.add(endpoint + " " + traceparent + " " + tracestate);
            return JSONB.fromJson("{\"token\":{\"accessToken\":\"a\"}}", VaultTokenResponse.class);
        }

        @Override
        public VaultTokenResponse userToken(String authorization, String traceparent, String tracestate,
                VaultTokenQuery query) {
            return answer("user", traceparent, tracestate);
        }

        @Override
        public VaultTokenResponse latestUserToken(String authorization, String traceparent, String tracestate,
                VaultTokenQuery query) {
            return answer("user/latest", traceparent, tracestate);
        }

        @Override
        public VaultTokenResponse tenantToken(String authorization, String traceparent, String tracestate,
                VaultTokenQuery query) {
            return answer("tenant", traceparent, tracestate);
        }

        @Override
        public VaultTokenResponse latestTenantToken(String authorization, String traceparent, String tracestate,
                VaultTokenQuery query) {
            return answer("tenant/latest", traceparent, tracestate);
        }
    }

    @Test
    void everyFetchSendsItsTraceContextAsTraceparentAndTracestateHeaders() {
        RecordingVault api = new RecordingVault();
        TokenVaultClient client = new TokenVaultClient();
        client.config = ConfigPropertiesBinder.bind(TokenVaultConfig.class, java.util.Map.of("mcp.outbound.auth",
                "management-key", "mcp.outbound.project-id", "p", "mcp.outbound.management-key", "k"));
        client.api = api;
        String sent = TRACE.traceparent() + " " + TRACE.tracestate();
        client.fetch(new StoredTokenRequest("crm", Downstream.Level.USER, "u-1", null, List.of("crm.read"), false,
                TRACE));
        client.fetch(new StoredTokenRequest("crm", Downstream.Level.USER, "u-1", null, List.of(), false, TRACE));
        client.fetch(new StoredTokenRequest("docs", Downstream.Level.TENANT, null, "acme", List.of("d"), false,
                TRACE));
        client.fetch(new StoredTokenRequest("docs", Downstream.Level.TENANT, null, "acme", List.of(), false, null));
        assertEquals(List.of("user " + sent, "user/latest " + sent, "tenant " + sent, "tenant/latest null null"),
                api.calls);
    }

    @Test
    void everyTokenVaultApiMethodPutsTheTraceArgumentsInTheW3cHeaders() {
        for (java.lang.reflect.Method method : TokenVaultApi.class.getMethods()) {
            assertEquals(List.of("Authorization", "traceparent", "tracestate"), TraceHeaderParams.of(method),
                    method.getName());
        }
    }
}
