package dev.delegatemcp.server.security;

import java.util.LinkedHashSet;
import java.util.Set;

import dev.delegatemcp.api.McpCaller;

/** The scope check of everything an author declares with {@code scopes} (tools, prompts, completions of them). */
public final class Scopes {

    private Scopes() {
    }

    /**
     * Passes when the caller's token carries every required scope.
     *
     * @param what what needs them, for the challenge's description, e.g. {@code "The prompt code_review"}
     * @throws InsufficientScopeException naming every scope needed (the caller's and the required ones), answered with
     *         HTTP 403 {@code insufficient_scope}
     */
    public static void require(McpCaller caller, Set<String> required, String what) {
        if (!caller.scopes().containsAll(required)) {
            Set<String> needed = new LinkedHashSet<>(caller.scopes());
            needed.addAll(required);
            throw new InsufficientScopeException(needed, what + " needs the scopes " + String.join(" ", required));
        }
    }
}
