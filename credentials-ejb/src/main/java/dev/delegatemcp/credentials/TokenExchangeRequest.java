package dev.delegatemcp.credentials;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import dev.delegatemcp.api.interaction.TraceContext;

/**
 * An RFC 8693 exchange of the caller's access token for a credential scoped to one downstream target.
 *
 * @param subjectToken the caller's inbound access token
 * @param resource the {@code resource} parameter (Descope: resource URL or connection id), or null
 * @param audiences the {@code audience} parameters (Keycloak: the target client), possibly empty
 * @param scopes the requested scopes, possibly empty
 * @param extraParameters further form parameters (e.g. tenantId), possibly empty
 * @param trace the W3C trace context to send as {@code traceparent}/{@code tracestate} headers, or null
 */
public record TokenExchangeRequest(String subjectToken, String resource, List<String> audiences, List<String> scopes,
        Map<String, String> extraParameters, TraceContext trace) {

    public TokenExchangeRequest {
        Objects.requireNonNull(subjectToken, "subjectToken");
        audiences = List.copyOf(audiences);
        scopes = List.copyOf(scopes);
        extraParameters = Map.copyOf(extraParameters);
    }

    /** An exchange without trace context. */
    public TokenExchangeRequest(String subjectToken, String resource, List<String> audiences, List<String> scopes,
            Map<String, String> extraParameters) {
        this(subjectToken, resource, audiences, scopes, extraParameters, null);
    }

    @Override
    public String toString() {
        return "TokenExchangeRequest[resource=" + resource + ", audiences=" + audiences + ", scopes=" + scopes + "]";
    }
}
