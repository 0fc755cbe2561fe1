package dev.delegatemcp.server.protocol.stream;

import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.McpCaller;

/** A hand-made {@link McpCaller} for tests. */
record TestCaller(String subject, Optional<String> clientId, Optional<String> tenant, Set<String> scopes)
        implements McpCaller {

    static TestCaller of(String subject) {
        return new TestCaller(subject, Optional.of("client-1"), Optional.empty(), Set.of());
    }
}
