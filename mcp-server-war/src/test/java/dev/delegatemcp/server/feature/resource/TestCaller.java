package dev.delegatemcp.server.feature.resource;

import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.server.protocol.RequestContext;
import dev.delegatemcp.wire.mcp.ProtocolVersion;
import jakarta.json.Json;

/** A hand-made {@link McpCaller} for tests, and request contexts for it. */
record TestCaller(String subject, Optional<String> clientId, Optional<String> tenant, Set<String> scopes)
        implements McpCaller {

    static TestCaller of(String subject, String... scopes) {
        return new TestCaller(subject, Optional.of("client-1"), Optional.empty(), Set.of(scopes));
    }

    /** A request of this caller in a session. */
    RequestContext request(String method, String sessionId) {
        return new RequestContext(Json.createValue(1), method, this, ProtocolVersion.LATEST, ClientCapabilities.NONE,
                sessionId, null);
    }
}
