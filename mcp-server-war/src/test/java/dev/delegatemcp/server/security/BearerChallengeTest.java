package dev.delegatemcp.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class BearerChallengeTest {

    private static final String METADATA =
            "http://localhost:9080/.well-known/oauth-protected-resource/mcp-server/mcp";

    private final BearerChallenge challenge =
            new BearerChallenge("http://localhost:9080/mcp-server/mcp", List.of("a", "b"));

    @Test
    void metadataUrlIsInsertedBetweenAuthorityAndPath() {
        assertEquals(METADATA, challenge.resourceMetadataUrl());
        assertEquals("https://mcp.example.com/.well-known/oauth-protected-resource/mcp",
                BearerChallenge.resourceMetadataUrl("https://mcp.example.com/mcp"));
    }

    @Test
    void metadataUrlOfResourceWithoutPathHasNoTrailingPart() {
        assertEquals("https://mcp.example.com/.well-known/oauth-protected-resource",
                BearerChallenge.resourceMetadataUrl("https://mcp.example.com"));
        assertEquals("https://mcp.example.com/.well-known/oauth-protected-resource",
                BearerChallenge.resourceMetadataUrl("https://mcp.example.com/"));
    }

    @Test
    void metadataUrlKeepsThePort() {
        assertEquals("http://127.0.0.1:8443/.well-known/oauth-protected-resource",
                BearerChallenge.resourceMetadataUrl("http://127.0.0.1:8443/"));
        assertEquals("https://h:1/.well-known/oauth-protected-resource/a/b",
                BearerChallenge.resourceMetadataUrl("https://h:1/a/b"));
    }

    @Test
    void metadataUrlKeepsTheQuery() {
        assertEquals("https://h/.well-known/oauth-protected-resource/mcp?tenant=1",
                BearerChallenge.resourceMetadataUrl("https://h/mcp?tenant=1"));
    }

    @Test
    void unauthorizedWithoutTokenNamesMetadataAndScopesButNoError() {
        String value = challenge.unauthorized(false);
        assertTrue(value.startsWith("Bearer "), value);
        assertTrue(value.contains("resource_metadata=\"" + METADATA + "\""), value);
        assertTrue(value.contains("scope=\"a b\""), value);
        assertFalse(value.contains("error="), value);
        assertFalse(value.contains("invalid_token"), value);
    }

    @Test
    void unauthorizedWithRejectedTokenSaysInvalidToken() {
        String value = challenge.unauthorized(true);
        assertTrue(value.startsWith("Bearer "), value);
        assertTrue(value.contains("resource_metadata=\"" + METADATA + "\""), value);
        assertTrue(value.contains("scope=\"a b\""), value);
        assertTrue(value.contains("error=\"invalid_token\""), value);
    }

    @Test
    void unauthorizedOmitsScopeWhenNoneConfigured() {
        BearerChallenge noScopes = new BearerChallenge("https://h/mcp", List.of(" ", ""));
        String value = noScopes.unauthorized(false);
        assertEquals("Bearer resource_metadata=\"https://h/.well-known/oauth-protected-resource/mcp\"", value);
    }

    @Test
    void insufficientScopeListsNeededScopesSorted() {
        String value = challenge.insufficientScope(Set.of("notes.write", "docs.read", "admin"), "Need more");
        assertTrue(value.startsWith("Bearer "), value);
        assertTrue(value.contains("error=\"insufficient_scope\""), value);
        assertTrue(value.contains("scope=\"admin docs.read notes.write\""), value);
        assertTrue(value.contains("resource_metadata=\"" + METADATA + "\""), value);
        assertTrue(value.contains("error_description=\"Need more\""), value);
    }

    @Test
    void insufficientScopeDescriptionCannotBreakOutOfItsQuotes() {
        String value = challenge.insufficientScope(List.of("x"), "say \"hi\"");
        assertTrue(value.endsWith("error_description=\"say 'hi'\""), value);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.NullSource
    @org.junit.jupiter.params.provider.ValueSource(strings = {"", " ", "Bearer", "Bearer ", "Bearer    ",
        "Basic YWxpY2U6YWxpY2U=", "Digest username=\"alice\"", "Bearertoken", "Token abc"})
    void aRequestWithoutABearerTokenLacksAuthenticationInformationAndGetsNoErrorCode(String authorization) {
        assertFalse(BearerChallenge.presentsBearerToken(authorization));
        String value = challenge.unauthorized(BearerChallenge.presentsBearerToken(authorization));
        assertFalse(value.contains("error="), value);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(
            strings = {"Bearer abc", "bearer abc", "BEARER a.b.c", "Bearer\tabc"})
    void aBearerTokenThatWasSentAndRefusedIsAnInvalidToken(String authorization) {
        assertTrue(BearerChallenge.presentsBearerToken(authorization));
        assertTrue(challenge.unauthorized(true).contains("error=\"invalid_token\""));
    }
}
