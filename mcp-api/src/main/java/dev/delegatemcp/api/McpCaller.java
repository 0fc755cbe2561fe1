package dev.delegatemcp.api;

import java.util.Optional;
import java.util.Set;

/**
 * The authenticated caller of the current MCP request, from its validated access token. Inject it
 * ({@code @Inject McpCaller caller}) or declare it as a tool method parameter.
 */
public interface McpCaller {

    /** The user: the token's {@code sub} claim. */
    String subject();

    /** The MCP client that obtained the token: {@code azp}, else {@code client_id}; empty when the token has neither. */
    Optional<String> clientId();

    /** The user's tenant, from the configured tenant claim, when the token has one. */
    Optional<String> tenant();

    /** The scopes granted to the token ({@code scope} or {@code scp} claim). */
    Set<String> scopes();

    /** Whether the token carries the given scope. */
    default boolean hasScope(String scope) {
        return scopes().contains(scope);
    }
}
