package dev.delegatemcp.server.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.McpCaller;

import org.junit.jupiter.api.Test;

class ScopesTest {

    private record Caller(String subject, Optional<String> clientId, Optional<String> tenant, Set<String> scopes)
            implements McpCaller {
    }

    private static McpCaller caller(String... scopes) {
        return new Caller("alice", Optional.empty(), Optional.empty(), Set.of(scopes));
    }

    @Test
    void aCallerWithEveryRequiredScopePassesAndNothingIsRequiredOfAnyone() {
        Scopes.require(caller("a", "b", "c"), Set.of("a", "b"), "The tool t");
        Scopes.require(caller(), Set.of(), "The tool t");
    }

    @Test
    void aMissingScopeIsRefusedNamingEveryScopeNeededTheCallersIncluded() {
        InsufficientScopeException e = assertThrows(InsufficientScopeException.class,
                () -> Scopes.require(caller("a", "x"), Set.of("a", "b"), "The prompt p"));
        assertEquals(Set.of("a", "b", "x"), e.neededScopes());
        assertEquals("The prompt p needs the scopes ", e.getMessage().substring(0, 30));
    }
}
