package dev.delegatemcp.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

class DownstreamCredentialTest {

    private static final String SECRET = "s3cr3t-token-value";
    private static final Instant EXPIRES = Instant.parse("2025-03-01T10:00:00Z");

    private static DownstreamCredential bearer(String target, String secret) {
        return new DownstreamCredential(target, secret, DownstreamCredential.Type.BEARER, null, EXPIRES,
                Set.of("calendar.read"), () -> {
                    throw new IllegalStateException("no refresh in this test");
                });
    }

    private static DownstreamCredential apiKey(String header, String secret) {
        return new DownstreamCredential("crm", secret, DownstreamCredential.Type.API_KEY, header, null, Set.of(),
                () -> {
                    throw new IllegalStateException("no refresh in this test");
                });
    }

    private static Map<String, String> applied(DownstreamCredential credential) {
        Map<String, String> headers = new LinkedHashMap<>();
        credential.applyTo(headers::put);
        return headers;
    }

    @Test
    void bearerIsAppliedAsAuthorizationBearer() {
        DownstreamCredential credential = bearer("calendar", SECRET);
        assertEquals(Map.of("Authorization", "Bearer " + SECRET), applied(credential));
        assertEquals("Authorization", credential.headerName());
        assertEquals("Bearer " + SECRET, credential.headerValue());
    }

    @Test
    void bearerIgnoresAnyConfiguredHeaderName() {
        DownstreamCredential credential = new DownstreamCredential("calendar", SECRET, DownstreamCredential.Type.BEARER,
                "X-API-Key", null, Set.of(), () -> null);
        assertEquals(Map.of("Authorization", "Bearer " + SECRET), applied(credential));
    }

    @Test
    void apiKeyIsAppliedInItsHeaderAsIs() {
        DownstreamCredential credential = apiKey("X-API-Key", SECRET);
        assertEquals(Map.of("X-API-Key", SECRET), applied(credential));
        assertEquals("X-API-Key", credential.headerName());
        assertEquals(SECRET, credential.headerValue());
    }

    @Test
    void apiKeyNeedsAHeaderName() {
        assertThrows(NullPointerException.class, () -> apiKey(null, SECRET));
    }

    @Test
    void requiredValuesMustNotBeNull() {
        Supplier<DownstreamCredential> refresher = () -> null;
        assertThrows(NullPointerException.class, () -> new DownstreamCredential(null, SECRET,
                DownstreamCredential.Type.BEARER, null, null, Set.of(), refresher));
        assertThrows(NullPointerException.class, () -> new DownstreamCredential("t", null,
                DownstreamCredential.Type.BEARER, null, null, Set.of(), refresher));
        assertThrows(NullPointerException.class, () -> new DownstreamCredential("t", SECRET, null, "H", null,
                Set.of(), refresher));
        assertThrows(NullPointerException.class, () -> new DownstreamCredential("t", SECRET,
                DownstreamCredential.Type.BEARER, null, null, Set.of(), null));
    }

    @Test
    void accessorsReturnWhatWasGiven() {
        DownstreamCredential credential = bearer("calendar", SECRET);
        assertEquals("calendar", credential.target());
        assertEquals(SECRET, credential.secret());
        assertEquals(DownstreamCredential.Type.BEARER, credential.type());
        assertEquals(Optional.of(EXPIRES), credential.expiresAt());
        assertEquals(Set.of("calendar.read"), credential.scopes());
        assertEquals(Optional.empty(), apiKey("X-API-Key", SECRET).expiresAt());
    }

    @Test
    void scopesAreACopyThatCannotBeChanged() {
        Set<String> scopes = new HashSet<>(Set.of("a"));
        DownstreamCredential credential = new DownstreamCredential("t", SECRET, DownstreamCredential.Type.BEARER, null,
                null, scopes, () -> null);
        scopes.add("b");
        assertEquals(Set.of("a"), credential.scopes());
        assertThrows(UnsupportedOperationException.class, () -> credential.scopes().add("c"));
    }

    @Test
    void toStringNeverContainsTheSecret() {
        for (DownstreamCredential credential : new DownstreamCredential[] {bearer("calendar", SECRET),
            apiKey("X-API-Key", SECRET)}) {
            String text = credential.toString();
            assertFalse(text.contains(SECRET), text);
            assertTrue(text.contains(credential.target()), text);
            assertTrue(text.contains("***"), text);
        }
    }

    @Test
    void refreshCallsTheSupplierEachTime() {
        AtomicInteger calls = new AtomicInteger();
        DownstreamCredential fresh = bearer("calendar", "fresh-token");
        DownstreamCredential credential = new DownstreamCredential("calendar", SECRET, DownstreamCredential.Type.BEARER,
                null, null, Set.of(), () -> {
                    calls.incrementAndGet();
                    return fresh;
                });
        assertEquals(0, calls.get());
        assertSame(fresh, credential.refresh());
        assertSame(fresh, credential.refresh());
        assertEquals(2, calls.get());
    }

    @Test
    void invalidateRunsTheServersInvalidatorAndIsANoOpOnACredentialMadeWithoutOne() {
        AtomicInteger invalidated = new AtomicInteger();
        DownstreamCredential credential = new DownstreamCredential("calendar", SECRET, DownstreamCredential.Type.BEARER,
                null, null, Set.of(), () -> null, invalidated::incrementAndGet);
        credential.invalidate();
        assertEquals(1, invalidated.get());
        bearer("calendar", SECRET).invalidate(); // nothing to drop, nothing thrown
        assertThrows(NullPointerException.class, () -> new DownstreamCredential("t", SECRET,
                DownstreamCredential.Type.BEARER, null, null, Set.of(), () -> null, null));
    }

    // --- DownstreamCredentials ----------------------------------------------------------------------------------

    @Test
    void credentialsGiveTheCredentialOfEachTarget() {
        DownstreamCredential calendar = bearer("calendar", SECRET);
        DownstreamCredential drive = bearer("drive", "other-secret");
        DownstreamCredentials credentials = new DownstreamCredentials(Map.of("calendar", calendar, "drive", drive));
        assertSame(calendar, credentials.get("calendar"));
        assertSame(drive, credentials.get("drive"));
    }

    @Test
    void unknownTargetIsNoSuchElementNamingTheKnownTargets() {
        DownstreamCredentials credentials = new DownstreamCredentials(
                Map.of("calendar", bearer("calendar", SECRET), "drive", bearer("drive", SECRET)));
        NoSuchElementException e = assertThrows(NoSuchElementException.class,
                () -> credentials.get("mail"));
        assertTrue(e.getMessage().contains("mail"), e.getMessage());
        assertTrue(e.getMessage().contains("calendar"), e.getMessage());
        assertTrue(e.getMessage().contains("drive"), e.getMessage());
        assertFalse(e.getMessage().contains(SECRET), e.getMessage());
    }

    @Test
    void credentialsKeepOrderAndAreACopyThatCannotBeChanged() {
        Map<String, DownstreamCredential> source = new LinkedHashMap<>();
        source.put("zeta", bearer("zeta", SECRET));
        source.put("alpha", bearer("alpha", SECRET));
        DownstreamCredentials credentials = new DownstreamCredentials(source);
        source.put("beta", bearer("beta", SECRET));
        assertEquals(List.of("zeta", "alpha"), List.copyOf(credentials.asMap().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> credentials.asMap().remove("zeta"));
    }

    @Test
    void credentialsToStringNeverContainsASecret() {
        DownstreamCredentials credentials = new DownstreamCredentials(
                Map.of("calendar", bearer("calendar", SECRET), "crm", apiKey("X-API-Key", "api-key-value")));
        String text = credentials.toString();
        assertFalse(text.contains(SECRET), text);
        assertFalse(text.contains("api-key-value"), text);
        assertTrue(text.contains("calendar") && text.contains("crm"), text);
    }
}
