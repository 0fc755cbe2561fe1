package dev.delegatemcp.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import dev.delegatemcp.api.Downstream;
import dev.delegatemcp.api.DownstreamAudit;
import dev.delegatemcp.api.DownstreamCredential;
import dev.delegatemcp.api.interaction.TraceContext;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class CredentialServiceTest {

    /** An STS that answers with a function of the request, and remembers the requests. */
    static class FakeSts extends TokenExchangeClient {
        final List<TokenExchangeRequest> requests = new ArrayList<>();
        Function<TokenExchangeRequest, IssuedToken> answer = request -> new IssuedToken(
                "token-" + requests.size(), "urn:ietf:params:oauth:token-type:access_token", "Bearer",
                Duration.ofMinutes(5), Set.of("calendar.read"));

        @Override
        public IssuedToken exchange(TokenExchangeRequest request) {
            requests.add(request);
            return answer.apply(request);
        }
    }

    /** Keeps the audit records instead of logging them. */
    static class RecordingAuditor extends CredentialAuditor {
        final List<DownstreamAudit> records = new ArrayList<>();

        @Override
        public void record(DownstreamAudit audit) {
            records.add(audit);
        }
    }

    /** A token vault that answers with a function of the request, and remembers the requests. */
    static class FakeVault extends TokenVaultClient {
        final List<StoredTokenRequest> requests = new ArrayList<>();
        Function<StoredTokenRequest, IssuedToken> answer = request -> new IssuedToken(
                "stored-" + requests.size(), null, "bearer", Duration.ofMinutes(10), Set.of("crm.read"));

        @Override
        public IssuedToken fetch(StoredTokenRequest request) {
            requests.add(request);
            return answer.apply(request);
        }
    }

    final FakeSts sts = new FakeSts();
    final FakeVault vault = new FakeVault();
    final RecordingAuditor auditor = new RecordingAuditor();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-29T10:00:00Z"));
    CredentialService service;
    /** The telemetry the service records to: off unless a test sets one before {@link #setUp()} runs init. */
    CredentialTelemetry telemetry = CredentialTelemetry.off();

    @BeforeEach
    void setUp() {
        service = new CredentialService();
        service.telemetry = telemetry;
        service.clock = clock;
        service.sts = sts;
        service.vault = vault;
        service.auditor = auditor;
        service.config = new FakeConfig()
                .with("mcp.downstream.calendar.audience", "calendar-api")
                .with("mcp.downstream.calendar.scopes", "calendar.read")
                .with("mcp.downstream.crm.resource", "crm-connection")
                .with("mcp.downstream.crm.credential-type", "api-key")
                .with("mcp.downstream.crm.api-key-header", "X-CRM-Key")
                .with("mcp.downstream.sales.source", "outbound-app")
                .with("mcp.downstream.sales.app-id", "salesforce")
                .with("mcp.downstream.sales.scopes", "crm.read");
        service.stsConfig = ConfigPropertiesBinder.defaults(StsConfig.class);
        service.cacheConfig = ConfigPropertiesBinder.bind(CredentialCacheConfig.class,
                java.util.Map.of("mcp.credentials.cache.max-entries", "100"));
        service.init();
    }

    static CredentialRequest request(String token, String target, Downstream.Level level, String tenant) {
        return new CredentialRequest(token, "alice", tenant, "claude", target, level, List.of());
    }

    static final TraceContext TRACE = new TraceContext(
            "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", "congo=t61rcWkgMzE");
    private static final TraceContext OTHER_TRACE = new TraceContext(
            "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01", null);

    static CredentialRequest traced(String target, Downstream.Level level, TraceContext trace) {
        return new CredentialRequest("inbound-1", "alice", "acme", "claude", target, level, List.of(), trace);
    }

    @Test
    void theRequestsTraceContextGoesWithTheTokenExchange() {
        service.credentialFor(traced("calendar", Downstream.Level.USER, TRACE));
        assertEquals(TRACE, sts.requests.get(0).trace());
    }

    @Test
    void theRequestsTraceContextGoesWithTheVaultFetch() {
        service.credentialFor(traced("sales", Downstream.Level.USER, TRACE));
        assertEquals(TRACE, vault.requests.get(0).trace());
    }

    @Test
    void aCachedCredentialIsAHitWhateverTheTraceContext() {
        DownstreamCredential first = service.credentialFor(traced("calendar", Downstream.Level.USER, TRACE));
        DownstreamCredential second = service.credentialFor(traced("calendar", Downstream.Level.USER, OTHER_TRACE));
        DownstreamCredential third = service.credentialFor(traced("calendar", Downstream.Level.USER, null));
        assertEquals(1, sts.requests.size());
        assertEquals(first.secret(), second.secret());
        assertEquals(first.secret(), third.secret());
        service.credentialFor(traced("sales", Downstream.Level.USER, TRACE));
        service.credentialFor(traced("sales", Downstream.Level.USER, OTHER_TRACE));
        assertEquals(1, vault.requests.size());
    }

    @Test
    void firstRequestExchangesAndTheSecondIsACacheHit() {
        DownstreamCredential first =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        DownstreamCredential second =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        assertEquals(1, sts.requests.size());
        assertEquals(first.secret(), second.secret());
        assertFalse(auditor.records.get(0).cacheHit());
        assertTrue(auditor.records.get(1).cacheHit());
        assertEquals(DownstreamAudit.Outcome.GRANTED, auditor.records.get(0).outcome());
        assertEquals("mcp-server", auditor.records.get(0).serverClientId());
        assertEquals(List.of("calendar.read"), auditor.records.get(0).scopes(), "the target's default scopes");
    }

    @Test
    void cacheHitsHandOnTheGrantedScopesWithoutCopyingThem() {
        DownstreamCredential first =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        DownstreamCredential second =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        assertEquals(Set.of("calendar.read"), second.scopes());
        assertSame(first.scopes(), second.scopes());
    }

    @Test
    void anotherInboundTokenOfTheSameUserIsAnotherCacheEntry() {
        service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        service.credentialFor(request("inbound-2", "calendar", Downstream.Level.USER, null));
        assertEquals(2, sts.requests.size());
    }

    @Test
    void aDigestHandedInWithTheRequestKeysTheCacheInPlaceOfTheTokensOwn() {
        String digest = CredentialKey.digestOf("inbound-1");
        DownstreamCredential computed = service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER,
                null));
        DownstreamCredential handedIn = service.credentialFor(new CredentialRequest("inbound-1", digest, "alice",
                null, "claude", "calendar", Downstream.Level.USER, List.of(), null));
        assertEquals(1, sts.requests.size(), "the digest handed in is the one the service computes: a cache hit");
        assertEquals(computed.secret(), handedIn.secret());

    }

    @Test
    void aDigestOfAnotherTokenIsRefusedWhereAssertionsAreOn() {
        assertThrows(AssertionError.class, () -> new CredentialRequest("inbound-2", CredentialKey.digestOf("inbound-1"),
                "alice", null, "claude", "calendar", Downstream.Level.USER, List.of(), null));
    }

    @Test
    void theExchangeCarriesTheSubjectTokenAndTheTargetsParameters() {
        service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        TokenExchangeRequest sent = sts.requests.get(0);
        assertEquals("inbound-1", sent.subjectToken());
        assertEquals(List.of("calendar-api"), sent.audiences());
        assertNull(sent.resource());
        assertEquals(List.of("calendar.read"), sent.scopes());
        assertTrue(sent.extraParameters().isEmpty(), "no tenant for a user-level target");
    }

    @Test
    void tenantLevelSendsTheTenantAndIsCachedPerTenant() {
        service.credentialFor(request("inbound-1", "crm", Downstream.Level.TENANT, "acme"));
        assertEquals("acme", sts.requests.get(0).extraParameters().get("tenantId"));
        service.credentialFor(request("inbound-1", "crm", Downstream.Level.TENANT, "globex"));
        assertEquals(2, sts.requests.size(), "another tenant is another entry");
    }

    @Test
    void apiKeyTargetsGiveApiKeyCredentialsInTheirHeader() {
        DownstreamCredential crm = service.credentialFor(request("inbound-1", "crm", Downstream.Level.USER, null));
        assertEquals(DownstreamCredential.Type.API_KEY, crm.type());
        assertEquals("X-CRM-Key", crm.headerName());
        assertEquals(crm.secret(), crm.headerValue());
    }

    @Test
    void refreshForcesANewExchangeAndReplacesTheCachedCredential() {
        DownstreamCredential first =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        DownstreamCredential refreshed = first.refresh();
        assertEquals(2, sts.requests.size());
        assertNotEquals(first.secret(), refreshed.secret());
        DownstreamCredential afterwards =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        assertEquals(refreshed.secret(), afterwards.secret(), "the refreshed one is cached");
        assertEquals(2, sts.requests.size());
    }

    @Test
    void invalidateDropsTheCachedCredentialWithoutAnExchangeSoTheNextRequestExchangesAgain() {
        DownstreamCredential first =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        first.invalidate();
        assertEquals(1, sts.requests.size(), "invalidating asks the STS nothing");
        DownstreamCredential next =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        assertEquals(2, sts.requests.size());
        assertNotEquals(first.secret(), next.secret());
    }

    @Test
    void expiryIsTheStsLifetimeFromTheRequest() {
        DownstreamCredential credential =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        assertEquals(Optional.of(clock.instant().plus(Duration.ofMinutes(5))), credential.expiresAt());
        assertEquals(List.of("calendar.read"), List.copyOf(credential.scopes()));
    }

    @Test
    void aCacheHitReportsTheCachedCredentialsOwnExpiryNotOneCountedFromTheHit() {
        Instant obtained = clock.instant();
        DownstreamCredential first =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        clock.advance(Duration.ofMillis(2500));
        DownstreamCredential second =
                service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        assertEquals(1, sts.requests.size(), "the second is a cache hit");
        assertEquals(Optional.of(obtained.plus(Duration.ofMinutes(5))), first.expiresAt());
        assertEquals(first.expiresAt(), second.expiresAt());
    }

    @Test
    void aStoredTokensExpiryIsTheVaultsAndStaysTheSameOnCacheHits() {
        Instant expiry = clock.instant().plus(Duration.ofMinutes(10));
        vault.answer = request -> new VaultTokenResponse.Token("stored", null,
                jakarta.json.Json.createValue(expiry.getEpochSecond()), null).toIssuedToken(clock.instant());
        DownstreamCredential first = service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER));
        clock.advance(Duration.ofSeconds(7));
        DownstreamCredential second = service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER));
        assertEquals(1, vault.requests.size());
        assertEquals(Optional.of(expiry), first.expiresAt());
        assertEquals(Optional.of(expiry), second.expiresAt());
    }

    @Test
    void refusalIsAuditedAsDeniedWithTheStsErrorAndRethrown() {
        sts.answer = request -> {
            throw CredentialException.of(CredentialException.Reason.DENIED, "access_denied", "refused");
        };
        CredentialException e = assertThrows(CredentialException.class,
                () -> service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null)));
        assertSame(CredentialException.Reason.DENIED, e.reason());
        DownstreamAudit audit = auditor.records.get(0);
        assertEquals(DownstreamAudit.Outcome.DENIED, audit.outcome());
        assertEquals("access_denied", audit.stsError());
        assertFalse(audit.cacheHit());
        sts.answer = new FakeSts().answer;
        service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null));
        assertEquals(2, sts.requests.size(), "a refusal is not cached");
    }

    @Test
    void openCircuitIsAnUnavailableStsAuditedAsError() {
        sts.answer = request -> {
            throw new CircuitBreakerOpenException("open");
        };
        CredentialException e = assertThrows(CredentialException.class,
                () -> service.credentialFor(request("inbound-1", "calendar", Downstream.Level.USER, null)));
        assertSame(CredentialException.Reason.UNAVAILABLE, e.reason());
        assertEquals(DownstreamAudit.Outcome.ERROR, auditor.records.get(0).outcome());
    }

    @Test
    void unconfiguredTargetIsRefusedNamingTheKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> service.credentialFor(request("inbound-1", "nowhere", Downstream.Level.USER, null)));
        assertTrue(e.getMessage().contains("mcp.downstream.nowhere."), e.getMessage());
    }

    private static CredentialRequest as(String token, String subject, String tenant, Downstream.Level level) {
        return new CredentialRequest(token, subject, tenant, "claude", "sales", level, List.of());
    }

    @Test
    void anOutboundTargetFetchesTheUsersStoredTokenByItsScopesNotByExchange() {
        DownstreamCredential credential =
                service.credentialFor(as("inbound-1", "alice", "acme", Downstream.Level.USER));
        assertEquals("stored-1", credential.secret());
        assertEquals(0, sts.requests.size());
        StoredTokenRequest sent = vault.requests.get(0);
        assertEquals("salesforce", sent.appId());
        assertEquals("alice", sent.userId());
        assertNull(sent.tenantId());
        assertEquals(List.of("crm.read"), sent.scopes());
        assertFalse(sent.forceRefresh());
    }

    @Test
    void aTenantStoredTokenIsSharedInsideTheTenantAndNeverAcrossTenants() {
        DownstreamCredential alice = service.credentialFor(as("token-alice", "alice", "acme", Downstream.Level.TENANT));
        DownstreamCredential bob = service.credentialFor(as("token-bob", "bob", "acme", Downstream.Level.TENANT));
        DownstreamCredential carol =
                service.credentialFor(as("token-carol", "carol", "globex", Downstream.Level.TENANT));
        assertEquals(alice.secret(), bob.secret());
        assertNotEquals(alice.secret(), carol.secret());
        assertEquals(2, vault.requests.size());
        assertEquals("acme", vault.requests.get(0).tenantId());
        assertEquals("globex", vault.requests.get(1).tenantId());
    }

    @Test
    void aUserStoredTokenIsNotSharedBetweenUsersOfATenant() {
        service.credentialFor(as("token-alice", "alice", "acme", Downstream.Level.USER));
        service.credentialFor(as("token-bob", "bob", "acme", Downstream.Level.USER));
        assertEquals(2, vault.requests.size());
        assertEquals("bob", vault.requests.get(1).userId());
    }

    @Test
    void aStoredTokenWithoutTheRequestedScopesIsNotConnectedAndNotCached() {
        vault.answer = request -> new IssuedToken("narrow", null, "bearer", Duration.ofMinutes(10),
                Set.of("crm.other"));
        assertThrows(CredentialException.NotConnected.class,
                () -> service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER)));
        assertThrows(CredentialException.NotConnected.class,
                () -> service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER)));
        assertEquals(2, vault.requests.size());
        assertEquals(DownstreamAudit.Outcome.NOT_CONNECTED, auditor.records.get(1).outcome());
    }

    @Test
    void notConnectedAtTheVaultIsAuditedAsNotConnectedAndRethrown() {
        vault.answer = request -> {
            throw CredentialException.of(CredentialException.Reason.NOT_CONNECTED, "E061104", "no token");
        };
        assertThrows(CredentialException.NotConnected.class,
                () -> service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER)));
        DownstreamAudit audit = auditor.records.get(0);
        assertEquals(DownstreamAudit.Outcome.NOT_CONNECTED, audit.outcome());
        assertEquals("E061104", audit.stsError());
    }

    @Test
    void refreshAsksTheVaultToForceARefresh() {
        DownstreamCredential first = service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER));
        DownstreamCredential second = first.refresh();
        assertTrue(vault.requests.get(1).forceRefresh());
        assertNotEquals(first.secret(), second.secret());
        assertEquals(second.secret(),
                service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER)).secret());
    }

    @Test
    void aStoredTokenARequestRejectedIsFetchedWithForceRefreshNextTimeAndOnlyOnce() {
        DownstreamCredential rejected = service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER));
        rejected.invalidate();
        assertEquals(1, vault.requests.size(), "invalidating asks the vault nothing");
        DownstreamCredential next = service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER));
        assertEquals(2, vault.requests.size());
        assertTrue(vault.requests.get(1).forceRefresh(), "the vault must not hand back the rejected token");
        assertNotEquals(rejected.secret(), next.secret());
        service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER));
        assertEquals(2, vault.requests.size(), "then cached as usual");
    }

    @Test
    void invalidatingAnOlderCredentialKeepsTheNewerOneThatReplacedIt() {
        DownstreamCredential old = service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER));
        DownstreamCredential renewed = old.refresh();
        old.invalidate();
        assertEquals(renewed.secret(),
                service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER)).secret());
        assertEquals(2, vault.requests.size());
    }

    @Test
    void aStoredTokenIsFetchedAgainOnceItsExpiryMinusTheSkewHasPassed() {
        vault.answer = request -> new IssuedToken("stored-" + vault.requests.size(), null, "bearer",
                Duration.ofSeconds(31), Set.of("crm.read"));
        service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER));
        service.credentialFor(as("inbound-1", "alice", null, Downstream.Level.USER));
        assertEquals(1, vault.requests.size(), "cached while alive");
    }
}
