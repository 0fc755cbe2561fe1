package dev.delegatemcp.samples.connections.vault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class TokenStoreTest {

    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-05-01T10:00:00Z"));
    private final TokenStore store = new TokenStore(LIFETIME, clock);

    @Test
    void tokensAreOpaqueValuesPrefixedWithTheAppId() {
        StoredToken token = store.connectUser("crm", "alice", null, List.of("crm.read"), "alice");

        assertTrue(token.accessToken().matches("crm\\.[A-Za-z0-9_-]{43}"), "32 random bytes in base64url");
        assertNotEquals(token.accessToken(),
                store.connectUser("crm", "alice", null, List.of("crm.read"), "alice").accessToken());
        assertEquals(clock.instant().plus(LIFETIME), token.accessTokenExpiry());
        assertEquals(clock.instant(), token.lastRefreshTime());
    }

    @Test
    void toStringShowsNoSecret() {
        StoredToken token = store.connectUser("crm", "alice", null, List.of("crm.read"), "alice");

        assertFalse(token.toString().contains(token.accessToken()));
        assertFalse(token.toString().contains(token.refreshToken()));
    }

    @Test
    void byScopesReturnsTheNewestTokenGrantingAllRequestedScopes() {
        StoredToken readWrite = store.connectUser("scheduler", "alice", null,
                List.of("calendar.read", "calendar.write"), "alice");
        StoredToken readOnly = store.connectUser("scheduler", "alice", null, List.of("calendar.read"), "alice");

        assertEquals(readWrite.id(), fetchUser("scheduler", "alice", null, List.of("calendar.write")).id(),
                "the newer token lacks calendar.write");
        assertEquals(readOnly.id(), fetchUser("scheduler", "alice", null, List.of("calendar.read")).id());

        StoredToken newerReadWrite = store.connectUser("scheduler", "alice", null,
                List.of("calendar.write", "calendar.read"), "alice");
        assertEquals(newerReadWrite.id(),
                fetchUser("scheduler", "alice", null, List.of("calendar.read", "calendar.write")).id());
        assertEquals(newerReadWrite.id(), fetchUser("scheduler", "alice", null, List.of()).id(),
                "no scopes requested: the newest token");
    }

    @Test
    void byScopesFindsNothingWhenNoTokenGrantsThemAll() {
        store.connectUser("scheduler", "alice", null, List.of("calendar.read"), "alice");
        store.connectUser("scheduler", "alice", null, List.of("calendar.write"), "alice");

        assertTrue(store.fetch(TokenQuery.userByScopes("scheduler", "alice", null,
                List.of("calendar.read", "calendar.write"), false)).isEmpty());
    }

    @Test
    void latestReturnsTheNewestTokenWhateverItsScopes() {
        store.connectUser("crm", "alice", null, List.of("crm.read", "crm.write"), "alice");
        StoredToken newest = store.connectUser("crm", "alice", null, List.of("crm.read"), "alice");

        assertEquals(newest.id(), store.fetch(TokenQuery.userLatest("crm", "alice", null, false)).orElseThrow().id());
    }

    @Test
    void userTokensBelongToOneUserAndOneApp() {
        store.connectUser("crm", "alice", null, List.of("crm.read"), "alice");

        assertTrue(store.fetch(TokenQuery.userLatest("crm", "bob", null, false)).isEmpty());
        assertTrue(store.fetch(TokenQuery.userLatest("docs", "alice", null, false)).isEmpty());
    }

    @Test
    void tenantTokensAndUserTokensAreKeptApart() {
        StoredToken tenantToken = store.connectTenant("docs", "acme", List.of("docs.write"), "alice");

        assertTrue(store.fetch(TokenQuery.userLatest("docs", "alice", "acme", false)).isEmpty(),
                "the admin who connected it has no user token");
        assertEquals(tenantToken.id(), store.fetch(TokenQuery.tenantLatest("docs", "acme", false)).orElseThrow().id());
        assertEquals(tenantToken.id(),
                store.fetch(TokenQuery.tenantByScopes("docs", "acme", List.of("docs.write"), false)).orElseThrow()
                        .id());
        assertTrue(store.fetch(TokenQuery.tenantLatest("docs", "globex", false)).isEmpty());
        assertEquals("alice", tenantToken.grantedBy());

        store.connectUser("docs", "alice", "acme", List.of("docs.write"), "alice");
        assertEquals(tenantToken.id(), store.fetch(TokenQuery.tenantLatest("docs", "acme", false)).orElseThrow().id(),
                "a user token is never a tenant's");
    }

    @Test
    void aUserTokenConnectedInATenantIsNotFetchedForAnotherTenant() {
        StoredToken inAcme = store.connectUser("crm", "alice", "acme", List.of("crm.read"), "alice");

        assertEquals(inAcme.id(), store.fetch(TokenQuery.userLatest("crm", "alice", "acme", false)).orElseThrow().id());
        assertEquals(inAcme.id(), store.fetch(TokenQuery.userLatest("crm", "alice", null, false)).orElseThrow().id());
        assertTrue(store.fetch(TokenQuery.userLatest("crm", "alice", "globex", false)).isEmpty());

        StoredToken anyTenant = store.connectUser("crm", "alice", null, List.of("crm.read"), "alice");
        assertEquals(anyTenant.id(),
                store.fetch(TokenQuery.userLatest("crm", "alice", "globex", false)).orElseThrow().id());
    }

    @Test
    void anExpiredTokenIsRotatedWhenFetched() {
        StoredToken original = store.connectUser("crm", "alice", null, List.of("crm.read"), "alice");
        clock.advance(LIFETIME.plusSeconds(1));
        assertTrue(store.findLive("crm", original.accessToken()).isEmpty(), "expired");

        StoredToken fetched = fetchUser("crm", "alice", null, List.of("crm.read"));

        assertEquals(original.id(), fetched.id());
        assertNotEquals(original.accessToken(), fetched.accessToken());
        assertEquals(clock.instant(), fetched.lastRefreshTime());
        assertEquals(clock.instant().plus(LIFETIME), fetched.accessTokenExpiry());
        assertEquals(original.refreshToken(), fetched.refreshToken());
        assertTrue(store.findLive("crm", fetched.accessToken()).isPresent());
    }

    @Test
    void aLiveTokenIsReturnedAsItIsUnlessARefreshIsForced() {
        StoredToken original = store.connectUser("crm", "alice", null, List.of("crm.read"), "alice");
        clock.advance(Duration.ofMinutes(1));

        assertEquals(original.accessToken(), fetchUser("crm", "alice", null, List.of("crm.read")).accessToken());

        StoredToken forced = store.fetch(TokenQuery.userLatest("crm", "alice", null, true)).orElseThrow();
        assertNotEquals(original.accessToken(), forced.accessToken());
        assertEquals(clock.instant(), forced.lastRefreshTime());
        assertEquals(forced.accessToken(), fetchUser("crm", "alice", null, List.of()).accessToken(),
                "the store keeps the rotated value");
    }

    @Test
    void aRotatedAwayValueIsNoLongerValid() {
        StoredToken original = store.connectTenant("docs", "acme", List.of("docs.write"), "alice");

        StoredToken rotated = store.fetch(TokenQuery.tenantLatest("docs", "acme", true)).orElseThrow();

        assertTrue(store.findLive("docs", original.accessToken()).isEmpty());
        assertEquals(rotated.id(), store.findLive("docs", rotated.accessToken()).orElseThrow().id());
    }

    @Test
    void findLiveAcceptsOnlyTheAppsOwnUnexpiredTokens() {
        StoredToken crm = store.connectUser("crm", "alice", null, List.of("crm.read"), "alice");

        assertEquals(crm.id(), store.findLive("crm", crm.accessToken()).orElseThrow().id());
        assertTrue(store.findLive("docs", crm.accessToken()).isEmpty(), "another app's token");
        assertTrue(store.findLive("crm", crm.refreshToken()).isEmpty(), "a refresh token");
        assertTrue(store.findLive("crm", "crm.made-up").isEmpty());
        assertTrue(store.findLive("crm", null).isEmpty());
        clock.advance(LIFETIME);
        assertTrue(store.findLive("crm", crm.accessToken()).isEmpty(), "expired");
    }

    @Test
    void disconnectingRemovesOnlyThatOwnersTokensForThatApp() {
        StoredToken alice = store.connectUser("crm", "alice", "acme", List.of("crm.read"), "alice");
        store.connectUser("crm", "alice", null, List.of("crm.read"), "alice");
        StoredToken bob = store.connectUser("crm", "bob", "acme", List.of("crm.read"), "bob");
        StoredToken tenant = store.connectTenant("crm", "acme", List.of("crm.read"), "alice");
        StoredToken docs = store.connectUser("docs", "alice", null, List.of("docs.write"), "alice");

        assertEquals(2, store.disconnectUser("crm", "alice"));

        assertTrue(store.findLive("crm", alice.accessToken()).isEmpty());
        assertTrue(store.fetch(TokenQuery.userLatest("crm", "alice", null, false)).isEmpty());
        assertTrue(store.findLive("crm", bob.accessToken()).isPresent());
        assertTrue(store.findLive("crm", tenant.accessToken()).isPresent());
        assertTrue(store.findLive("docs", docs.accessToken()).isPresent());

        assertEquals(1, store.disconnectTenant("crm", "acme"));
        assertTrue(store.findLive("crm", tenant.accessToken()).isEmpty());
        assertTrue(store.findLive("crm", bob.accessToken()).isPresent());
    }

    @Test
    void theLifetimeMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new TokenStore(Duration.ZERO, clock));
    }

    private StoredToken fetchUser(String app, String user, String tenant, List<String> scopes) {
        Optional<StoredToken> token = store.fetch(TokenQuery.userByScopes(app, user, tenant, scopes, false));
        return token.orElseThrow(() -> new AssertionError("no token for " + user + " at " + app + " with " + scopes));
    }
}
