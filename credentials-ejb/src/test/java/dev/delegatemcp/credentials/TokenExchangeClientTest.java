package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
}
