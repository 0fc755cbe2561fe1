package dev.delegatemcp.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.credentials.CredentialKey;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class CallerProducerTest {

    private final CallerProducer producer = new CallerProducer();
    private final AtomicInteger claimReads = new AtomicInteger();

    CallerProducerTest() {
        producer.config = new SecurityConfig();
        producer.config.tenantClaim = "tenant";
    }

    private JsonWebToken token(String raw, Map<String, Object> claims) {
        return new JsonWebToken() {
            @Override
            public String getName() {
                return (String) claims.get("sub");
            }

            @Override
            public String getRawToken() {
                return raw;
            }

            @Override
            public Set<String> getClaimNames() {
                return claims.keySet();
            }

            @SuppressWarnings("unchecked")
            @Override
            public <T> T getClaim(String claimName) {
                claimReads.incrementAndGet();
                return (T) claims.get(claimName);
            }
        };
    }

    @Test
    void theCallerIsReadFromTheTokensClaims() {
        McpCaller caller = producer.callerOf(token("h.p.s1",
                Map.of("sub", "alice", "azp", "inspector", "tenant", "acme", "scope", "notes.read notes.write")));
        assertEquals("alice", caller.subject());
        assertEquals(Optional.of("inspector"), caller.clientId());
        assertEquals(Optional.of("acme"), caller.tenant());
        assertEquals(Set.of("notes.read", "notes.write"), caller.scopes());
    }

    @Test
    void theSameTokenAgainIsNotReadAgain() {
        McpCaller first = producer.callerOf(token("h.p.s1", Map.of("sub", "alice")));
        int reads = claimReads.get();
        assertSame(first, producer.callerOf(token("h.p.s1", Map.of("sub", "alice"))));
        assertEquals(reads, claimReads.get());
    }

    @Test
    void anotherTokenOfTheSameSubjectIsReadForItself() {
        McpCaller narrow = producer.callerOf(token("h.p.s1", Map.of("sub", "alice", "scope", "notes.read")));
        McpCaller wide = producer.callerOf(token("h.q.s2", Map.of("sub", "alice", "scope", "notes.read notes.write")));
        assertNotSame(narrow, wide);
        assertEquals(Set.of("notes.read", "notes.write"), wide.scopes());
    }

    @Test
    void anEncryptedTokenIsReadEachTimeItsLastPartBeingNoSignature() {
        McpCaller first = producer.callerOf(token("h.k.iv.c.tag", Map.of("sub", "alice")));
        assertNotSame(first, producer.callerOf(token("h.k.iv.c.tag", Map.of("sub", "alice"))));
    }

    @Test
    void aTokenWithoutASignatureIsReadEachTime() {
        McpCaller first = producer.callerOf(token("h.p.", Map.of("sub", "alice")));
        assertNotSame(first, producer.callerOf(token("h.p.", Map.of("sub", "alice"))));
        assertNotSame(first, producer.callerOf(token(null, Map.of("sub", "alice"))));
    }

    /** A caller read from {@code jwt} (for other tests of the package). */
    McpCaller aliceFrom(JsonWebToken jwt) {
        return producer.callerOf(jwt);
    }

    @Test
    void aCallerReadFromASignedTokenKeepsTheTokensDigestForTheCredentialCacheButDoesNotShowIt() {
        McpCaller caller = producer.callerOf(token("h.p.s1", Map.of("sub", "alice")));
        assertEquals(CredentialKey.digestOf("h.p.s1"), producer.subjectTokenDigest(caller));
        assertFalse(caller.toString().contains(producer.subjectTokenDigest(caller)), caller.toString());
        assertNotEquals(producer.subjectTokenDigest(caller),
                producer.subjectTokenDigest(producer.callerOf(token("h.p.s2", Map.of("sub", "alice")))),
                "another token of the same user has another digest");
    }

    @Test
    void aCallerReadFromAnEncryptedTokenOrMadeElsewhereKeepsNoDigest() {
        assertNull(producer.subjectTokenDigest(producer.callerOf(token("h.k.iv.c.t", Map.of("sub", "alice")))));
        assertNull(producer.subjectTokenDigest(new McpCaller() {
            @Override
            public String subject() {
                return "alice";
            }

            @Override
            public Optional<String> clientId() {
                return Optional.empty();
            }

            @Override
            public Optional<String> tenant() {
                return Optional.empty();
            }

            @Override
            public Set<String> scopes() {
                return Set.of();
            }
        }));
    }
}
