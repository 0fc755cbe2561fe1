package dev.delegatemcp.samples.connections.connect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import dev.delegatemcp.samples.connections.apps.SampleApp;

/**
 * The {@code scopes} query parameter of the connect endpoint: scope names separated by commas and/or spaces,
 * duplicates dropped; none means the app's default scopes. A scope name is letters, digits and {@code . _ : / -}
 * only, so that it can be shown in a shell command as it is.
 */
public final class RequestedScopes {

    private static final Pattern SEPARATORS = Pattern.compile("[,\\s]+");
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9._:/-]+");

    private RequestedScopes() {
    }

    /** @throws IllegalArgumentException with a sentence for the user when a scope name is not allowed */
    public static List<String> parse(String raw, SampleApp app) {
        Set<String> scopes = new LinkedHashSet<>();
        if (raw != null) {
            for (String scope : SEPARATORS.split(raw.strip())) {
                if (scope.isEmpty()) {
                    continue;
                }
                if (!SCOPE.matcher(scope).matches() || scope.length() > 100) {
                    throw new IllegalArgumentException("Scope names may contain only letters, digits and . _ : / -");
                }
                scopes.add(scope);
            }
        }
        return scopes.isEmpty() ? app.defaultScopes() : List.copyOf(scopes);
    }
}
