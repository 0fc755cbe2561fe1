package dev.delegatemcp.samples.connections.vault.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import dev.delegatemcp.samples.connections.vault.StoredToken;
import dev.delegatemcp.samples.connections.vault.TokenStore;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;

import org.junit.jupiter.api.Test;

class TokenJsonTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");

    private final TokenStore store = new TokenStore(Duration.ofMinutes(10), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aUserTokenInDescopesShape() {
        StoredToken stored = store.connectUser("crm", "u1", "acme", List.of("crm.read"), "u1");

        JsonObject token = TokenJson.answer(stored, false).getJsonObject("token");

        assertEquals(stored.id(), token.getString("id"));
        assertEquals("crm", token.getString("appId"));
        assertEquals("u1", token.getString("userId"));
        assertEquals("u1", token.getString("tokenSub"));
        assertEquals(stored.accessToken(), token.getString("accessToken"));
        assertEquals("bearer", token.getString("accessTokenType"));
        assertEquals(NOW.plusSeconds(600).getEpochSecond(), token.getJsonNumber("accessTokenExpiry").longValue());
        assertEquals(JsonValue.TRUE, token.get("hasRefreshToken"));
        assertFalse(token.containsKey("refreshToken"));
        assertEquals(NOW.getEpochSecond(), token.getJsonNumber("lastRefreshTime").longValue());
        assertEquals("", token.getString("lastRefreshError"));
        assertEquals(List.of("crm.read"), token.getJsonArray("scopes").getValuesAs(v -> ((jakarta.json.JsonString) v)
                .getString()));
        assertEquals("acme", token.getString("tenantId"));
        assertEquals("u1", token.getString("grantedBy"));
    }

    @Test
    void theRefreshTokenOnlyWhenAskedFor() {
        StoredToken stored = store.connectUser("crm", "u1", null, List.of("crm.read"), "u1");

        JsonObject token = TokenJson.answer(stored, true).getJsonObject("token");

        assertEquals(stored.refreshToken(), token.getString("refreshToken"));
        assertFalse(token.containsKey("tenantId"));
    }

    @Test
    void aTenantTokenHasNoUser() {
        StoredToken stored = store.connectTenant("docs", "acme", List.of("docs.write"), "admin-1");

        JsonObject token = TokenJson.answer(stored, false).getJsonObject("token");

        assertFalse(token.containsKey("userId"));
        assertEquals("acme", token.getString("tenantId"));
        assertEquals("admin-1", token.getString("grantedBy"));
        assertTrue(token.getString("accessToken").startsWith("docs."));
    }

    @Test
    void errorsInDescopesShape() {
        JsonObject notFound = DescopeError.tokenNotFound().toJson();

        assertEquals("E061104", notFound.getString("errorCode"));
        assertEquals("Token not found", notFound.getString("errorDescription"));
        assertEquals("no token stored for this app and user/tenant", notFound.getString("errorMessage"));
        assertEquals("Token not found", notFound.getString("message"));
        assertEquals(404, DescopeError.tokenNotFound().status());
        assertEquals(401, DescopeError.unauthorized().status());
        assertEquals(400, DescopeError.badRequest("appId is required").status());
    }
}
