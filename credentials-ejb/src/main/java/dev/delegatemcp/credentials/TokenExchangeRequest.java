package dev.delegatemcp.credentials;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An RFC 8693 exchange of the caller's access token for a credential scoped to one downstream target.
 *
 * @param subjectToken the caller's inbound access token
 * @param resource the {@code resource} parameter (Descope: resource URL or connection id), or null
 * @param audiences the {@code audience} parameters (Keycloak: the target client), possibly empty
 * @param scopes the requested scopes, possibly empty
 * @param extraParameters further form parameters (e.g. tenantId), possibly empty
 */
public record TokenExchangeRequest(String subjectToken, String resource, List<String> audiences, List<String> scopes,
        Map<String, String> extraParameters) {

    public TokenExchangeRequest {
        Objects.requireNonNull(subjectToken, "subjectToken");
        audiences = List.copyOf(audiences);
        scopes = List.copyOf(scopes);
        extraParameters = Map.copyOf(extraParameters);
    }

    @Override
    public String toString() {
        return "TokenExchangeRequest[resource=" + resource + ", audiences=" + audiences + ", scopes=" + scopes + "]";
    }
}
