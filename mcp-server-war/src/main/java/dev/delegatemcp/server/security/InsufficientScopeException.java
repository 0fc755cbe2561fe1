package dev.delegatemcp.server.security;

import java.util.Set;

/** The caller's token lacks scopes an operation needs: answered with HTTP 403 and an insufficient_scope challenge. */
public class InsufficientScopeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Set<String> neededScopes;

    /** @param neededScopes every scope the operation needs, including those the caller already has */
    public InsufficientScopeException(Set<String> neededScopes, String description) {
        super(description, null, false, false);
        this.neededScopes = Set.copyOf(neededScopes);
    }

    public Set<String> neededScopes() {
        return neededScopes;
    }
}
