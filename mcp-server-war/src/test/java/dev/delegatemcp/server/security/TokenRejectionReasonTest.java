package dev.delegatemcp.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokenRejectionReasonTest {

    private static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");
    private static final String ISSUER = "https://issuer.example";
    private static final List<String> AUDIENCES = List.of("https://mcp.example/mcp");

    private static String token(String header, String claims, String signature) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "." + signature;
    }

    private static String claims(long exp, String iss, String aud) {
        return "{\"sub\":\"alice\",\"exp\":" + exp + ",\"iss\":\"" + iss + "\",\"aud\":" + aud + "}";
    }

    private static String explain(String authorization) {
        return TokenRejectionReason.explain(authorization, ISSUER, AUDIENCES, NOW);
    }

    private static final String RS256 = "{\"alg\":\"RS256\",\"kid\":\"k1\"}";
    private static final long LATER = NOW.getEpochSecond() + 600;

    @Test
    void expiredTokenSaysWhenItExpired() {
        String reason =
                explain(token(RS256, claims(NOW.getEpochSecond() - 60, ISSUER, "\"https://mcp.example/mcp\""), "sig"));
        assertEquals("the token expired at 2026-11-21T11:59:00Z", reason);
    }

    @Test
    void foreignIssuerIsNamed() {
        assertTrue(explain(token(RS256, claims(LATER, "https://evil.example", "\"https://mcp.example/mcp\""), "sig"))
                .contains("issuer https://evil.example is not the trusted issuer"));
    }

    @Test
    void wrongAudienceIsNamed() {
        assertTrue(explain(token(RS256, claims(LATER, ISSUER, "[\"https://calendar.example\"]"), "sig"))
                .contains("audience [https://calendar.example] does not include this server"));
    }

    @Test
    void unsignedTokenIsCalledUnsigned() {
        assertEquals("the token is not signed (alg none)",
                explain(token("{\"alg\":\"none\"}", claims(LATER, ISSUER, "\"https://mcp.example/mcp\""), "")));
    }

    @Test
    void otherwiseTheSignatureIsBlamedWithTheKeyId() {
        assertTrue(explain(token(RS256, claims(LATER, ISSUER, "\"https://mcp.example/mcp\""), "sig"))
                .endsWith("(RS256, kid k1)"));
        assertTrue(explain(token(RS256, claims(LATER, ISSUER, "\"https://mcp.example/mcp\""), "sig"))
                .startsWith("the token's signature could not be verified"));
    }

    @Test
    void garbageIsNotAJwtAndTheTokenIsNeverRepeated() {
        assertEquals("the bearer token is not a JWT", explain("Bearer not-a-jwt"));
        assertEquals("the bearer token is not a well-formed JWT", explain("Bearer a.b.c"));
        assertEquals("the Authorization header is not a Bearer token", explain("Basic dXNlcjpwYXNz"));
        String reason = explain(token(RS256, claims(LATER, ISSUER, "\"https://mcp.example/mcp\""), "secret-sig"));
        assertFalse(reason.contains("secret-sig"));
    }

    @Test
    void claimsCannotForgeLogLinesOrFloodTheLog() {
        String reason = explain(token(RS256, claims(LATER, "https://evil\\n[INFO] forged line" + "x".repeat(500),
                "\"https://mcp.example/mcp\""), "sig"));
        assertFalse(reason.contains("\n"), reason);
        assertTrue(reason.length() < 400, reason);
    }

    @Test
    void absurdExpiryDoesNotBreakTheChallenge() {
        assertTrue(explain(token(RS256, claims(Long.MIN_VALUE, ISSUER, "\"https://mcp.example/mcp\""), "sig"))
                .startsWith("the token expired at"));
    }
}
