package dev.delegatemcp.server.security;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

import dev.delegatemcp.api.McpCaller;
import dev.delegatemcp.credentials.CredentialKey;
import jakarta.json.JsonArray;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller as read from a validated MP-JWT token. Holds no raw token; it may hold the token's digest for the
 * credential cache ({@code subjectTokenDigest}: {@link CredentialKey#digestOf} of the token, null when not kept),
 * which is no part of what {@link #toString} shows.
 */
record JwtCaller(String subject, Optional<String> clientId, Optional<String> tenant, Set<String> scopes,
        String subjectTokenDigest) implements McpCaller {

    static JwtCaller from(JsonWebToken jwt, String tenantClaim, String subjectTokenDigest) {
        Optional<String> clientId = stringClaim(jwt, "azp").or(() -> stringClaim(jwt, "client_id"));
        return new JwtCaller(jwt.getSubject(), clientId, stringClaim(jwt, tenantClaim), scopes(jwt),
                subjectTokenDigest);
    }

    /** OAuth scopes from {@code scope} (space separated, RFC 8693/9068) or {@code scp} (string or array). */
    private static Set<String> scopes(JsonWebToken jwt) {
        Set<String> scopes = new LinkedHashSet<>();
        addScopes(jwt.getClaim("scope"), scopes);
        addScopes(jwt.getClaim("scp"), scopes);
        return Set.copyOf(scopes);
    }

    private static void addScopes(Object claim, Set<String> into) {
        if (claim instanceof JsonString s) {
            addScopes(s.getString(), into);
        } else if (claim instanceof String s) {
            into.addAll(Arrays.stream(s.trim().split("\\s+")).filter(v -> !v.isEmpty()).toList());
        } else if (claim instanceof JsonArray array) {
            array.getValuesAs(JsonValue.class).forEach(v -> addScopes(v, into));
        } else if (claim instanceof Collection<?> values) {
            values.forEach(v -> addScopes(v, into));
        }
    }

    private static Optional<String> stringClaim(JsonWebToken jwt, String name) {
        Object value = jwt.getClaim(name);
        if (value instanceof JsonString s) {
            value = s.getString();
        }
        return value instanceof String s && !s.isBlank() ? Optional.of(s) : Optional.empty();
    }

    @Override
    public String toString() {
        return "McpCaller[subject=" + subject + ", clientId=" + clientId.orElse("-") + ", tenant=" + tenant.orElse("-")
                + ", scopes=" + scopes + "]";
    }
}
