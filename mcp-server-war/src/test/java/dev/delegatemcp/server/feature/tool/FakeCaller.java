package dev.delegatemcp.server.feature.tool;

import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.McpCaller;

/** A hand-made {@link McpCaller} for tests. */
record FakeCaller(String subject, Optional<String> clientId, Optional<String> tenant, Set<String> scopes)
        implements McpCaller {

    static FakeCaller of(String subject, String... scopes) {
        return new FakeCaller(subject, Optional.of("client-1"), Optional.empty(), Set.of(scopes));
    }
}
