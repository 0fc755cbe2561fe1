package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.delegatemcp.api.interaction.TraceContext;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MultivaluedMap;

import org.junit.jupiter.api.Test;

class TokenExchangeClientTest {

    private static final String SUBJECT_TOKEN = "eyJhbGciOiJSUzI1NiJ9.subject.signature";

    private static final Jsonb JSONB = JsonbBuilder.create();

    /** The answer read as the MP Rest Client reads it (JSON-B), as a credential. */
    private static IssuedToken token(String json) {
        return JSONB.fromJson(json, TokenResponse.class).toIssuedToken();
    }

    // --- form ---------------------------------------------------------------------------------------------------

    @Test
    void formHasGrantTypeSubjectTokenAndItsType() {
        MultivaluedMap<String, String> form = TokenRequest
                .tokenExchange(new TokenExchangeRequest(SUBJECT_TOKEN, null, List.of(), List.of(), Map.of()))
                .parameters();
        assertEquals(List.of("urn:ietf:params:oauth:grant-type:token-exchange"), form.get("grant_type"));
        assertEquals(List.of(SUBJECT_TOKEN), form.get("subject_token"));
        assertEquals(List.of("urn:ietf:params:oauth:token-type:access_token"), form.get("subject_token_type"));
    }

    @Test
    void formOmitsResourceAudienceAndScopeWhenNotSet() {
        MultivaluedMap<String, String> form = TokenRequest
                .tokenExchange(new TokenExchangeRequest(SUBJECT_TOKEN, null, List.of(), List.of(), Map.of()))
                .parameters();
        assertFalse(form.containsKey("resource"));
        assertFalse(form.containsKey("audience"));
        assertFalse(form.containsKey("scope"));
        assertEquals(3, form.size());
    }

    @Test
    void formHasResourceWhenSet() {
        MultivaluedMap<String, String> form = TokenRequest.tokenExchange(new TokenExchangeRequest(SUBJECT_TOKEN,
                "https://api.example.com/", List.of(), List.of(), Map.of())).parameters();
        assertEquals(List.of("https://api.example.com/"), form.get("resource"));
    }

    @Test
    void formHasOneAudienceParameterPerAudienceInOrder() {
        MultivaluedMap<String, String> form = TokenRequest.tokenExchange(new TokenExchangeRequest(SUBJECT_TOKEN, null,
                List.of("billing", "crm"), List.of(), Map.of())).parameters();
        assertEquals(List.of("billing", "crm"), form.get("audience"));
    }

    @Test
    void formJoinsScopesWithSpaces() {
        MultivaluedMap<String, String> form = TokenRequest.tokenExchange(new TokenExchangeRequest(SUBJECT_TOKEN, null,
                List.of(), List.of("read", "write", "admin"), Map.of())).parameters();
        assertEquals(List.of("read write admin"), form.get("scope"));
    }

    @Test
    void formCarriesExtraParameters() {
        MultivaluedMap<String, String> form = TokenRequest.tokenExchange(new TokenExchangeRequest(SUBJECT_TOKEN, null,
                List.of(), List.of(), Map.of("tenantId", "t-1", "requested_token_type", "x"))).parameters();
        assertEquals(List.of("t-1"), form.get("tenantId"));
        assertEquals(List.of("x"), form.get("requested_token_type"));
    }

    // --- token --------------------------------------------------------------------------------------------------

    @Test
    void tokenMapsAllFields() {
        IssuedToken token = token(("{\"access_token\":\"AT\","
                + "\"issued_token_type\":\"urn:ietf:params:oauth:token-type:access_token\","
                + "\"token_type\":\"Bearer\",\"expires_in\":300,\"scope\":\"read  write\"}"));
        assertEquals("AT", token.accessToken());
        assertEquals("urn:ietf:params:oauth:token-type:access_token", token.issuedTokenType());
        assertEquals("Bearer", token.tokenType());
        assertEquals(Duration.ofSeconds(300), token.expiresIn());
        assertEquals(Set.of("read", "write"), token.scopes());
    }

    @Test
    void tokenWithoutExpiresInOrScopeHasNullLifetimeAndNoScopes() {
        IssuedToken token = token(("{\"access_token\":\"AT\"}"));
        assertNull(token.expiresIn());
        assertEquals(Set.of(), token.scopes());
        assertNull(token.issuedTokenType());
        assertNull(token.tokenType());
    }

    @Test
    void blankScopeMeansNoScopes() {
        assertEquals(Set.of(), token(("{\"access_token\":\"AT\",\"scope\":\"  \"}")).scopes());
        assertEquals(Set.of("one"),
                token(("{\"access_token\":\"AT\",\"scope\":\" one \"}")).scopes());
    }

    // --- secrets stay out of toString ---------------------------------------------------------------------------

    @Test
    void exchangedTokenToStringNeverShowsTheToken() {
        IssuedToken token = new IssuedToken("super-secret-token", "urn:x", "Bearer", Duration.ofSeconds(60),
                Set.of("read"));
        String text = token.toString();
        assertFalse(text.contains("super-secret-token"), text);
        assertTrue(text.contains("***"), text);
        assertTrue(text.contains("read"), text);
    }

    @Test
    void tokenExchangeRequestToStringNeverShowsTheSubjectToken() {
        TokenExchangeRequest request = new TokenExchangeRequest(SUBJECT_TOKEN, "https://api", List.of("aud"),
                List.of("read"), Map.of("tenantId", "t"));
        String text = request.toString();
        assertFalse(text.contains(SUBJECT_TOKEN), text);
        assertFalse(text.contains("subject"), text);
        assertTrue(text.contains("https://api"), text);
        assertTrue(text.contains("aud"), text);
    }

    @Test
    void mappedTokenToStringNeverShowsTheToken() {
        IssuedToken token = token(("{\"access_token\":\"AT-9f8e7d\",\"expires_in\":1}"));
        assertFalse(token.toString().contains("AT-9f8e7d"), token.toString());
    }

    // --- trace context headers ------------------------------------------------------------------------------------

    private static final TraceContext TRACE = new TraceContext(
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "congo=t61rcWkgMzE");

    /** The token endpoint as the client calls it: remembers the headers it was given. */
    static final class RecordingEndpoint implements TokenEndpointApi {
        final List<String> traceparents = new java.util.ArrayList<>();
        final List<String> tracestates = new java.util.ArrayList<>();

        @Override
        public TokenResponse token(String authorization, String traceparent, String tracestate,
                TokenRequest request) {
            traceparents.add(traceparent);
            tracestates.add(tracestate);
            return JSONB.fromJson("{\"access_token\":\"t\",\"token_type\":\"Bearer\"}", TokenResponse.class);
        }
    }

    private static TokenExchangeClient clientOf(TokenEndpointApi api) {
        TokenExchangeClient client = new TokenExchangeClient();
        client.config = ConfigPropertiesBinder.bind(StsConfig.class, Map.of("mcp.sts.client-secret", "s3cret"));
        client.api = api;
        return client;
    }

    @Test
    void anExchangeSendsItsTraceContextAsTraceparentAndTracestateHeaders() {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        clientOf(endpoint).exchange(new TokenExchangeRequest(SUBJECT_TOKEN, null, List.of(), List.of(), Map.of(),
                TRACE));
        assertEquals(List.of(TRACE.traceparent()), endpoint.traceparents);
        assertEquals(List.of(TRACE.tracestate()), endpoint.tracestates);
    }

    @Test
    void anExchangeWithoutTraceContextAndTheServersOwnGrantSendNoTraceHeaders() {
        RecordingEndpoint endpoint = new RecordingEndpoint();
        TokenExchangeClient client = clientOf(endpoint);
        client.exchange(new TokenExchangeRequest(SUBJECT_TOKEN, null, List.of(), List.of(), Map.of()));
        client.clientCredentials(List.of());
        assertEquals(java.util.Arrays.asList(null, null), endpoint.traceparents);
        assertEquals(java.util.Arrays.asList(null, null), endpoint.tracestates);
    }

    @Test
    void theTokenEndpointApiPutsTheTraceArgumentsInTheW3cHeaders() throws NoSuchMethodException {
        java.lang.reflect.Method token = TokenEndpointApi.class.getMethod("token", String.class, String.class,
                String.class, TokenRequest.class);
        assertEquals(List.of("Authorization", "traceparent", "tracestate"), TraceHeaderParams.of(token));
    }
}
