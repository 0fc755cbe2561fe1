package dev.delegatemcp.credentials;

import java.util.List;
import java.util.Map;
import java.util.Objects;

import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;

/**
 * A request to the STS token endpoint, sent as {@code application/x-www-form-urlencoded} by
 * {@link TokenRequestWriter}: an RFC 8693 section 2.1 token exchange or an RFC 6749 section 4.4.2 client credentials
 * grant. Null and empty parameters are not sent. {@link #toString()} never shows the subject token.
 *
 * @param grantType {@code grant_type}
 * @param subjectToken {@code subject_token}: the caller's access token (token exchange), else null
 * @param subjectTokenType {@code subject_token_type} (token exchange), else null
 * @param resource {@code resource} (RFC 8707; Descope: resource URL or connection id), or null
 * @param audiences {@code audience}, one parameter each, in order (Keycloak: the target client); possibly empty
 * @param scopes {@code scope}, sent space-separated; possibly empty
 * @param extraParameters further parameters of the target (e.g. {@code tenantId}); possibly empty
 */
public record TokenRequest(String grantType, String subjectToken, String subjectTokenType, String resource,
        List<String> audiences, List<String> scopes, Map<String, String> extraParameters) {

    /** RFC 8693 section 2.1 {@code grant_type}. */
    public static final String TOKEN_EXCHANGE = "urn:ietf:params:oauth:grant-type:token-exchange";
    /** RFC 8693 section 3: the type of an OAuth access token. */
    public static final String ACCESS_TOKEN_TYPE = "urn:ietf:params:oauth:token-type:access_token";
    /** RFC 6749 section 4.4.2 {@code grant_type}. */
    public static final String CLIENT_CREDENTIALS = "client_credentials";

    public TokenRequest {
        Objects.requireNonNull(grantType, "grantType");
        audiences = List.copyOf(audiences);
        scopes = List.copyOf(scopes);
        extraParameters = Map.copyOf(extraParameters);
    }

    /** The token exchange of the caller's access token for the request's target. */
    public static TokenRequest tokenExchange(TokenExchangeRequest request) {
        return new TokenRequest(TOKEN_EXCHANGE, request.subjectToken(), ACCESS_TOKEN_TYPE, request.resource(),
                request.audiences(), request.scopes(), request.extraParameters());
    }

    /** This server's own access token with the scopes (none: the client's defaults at the STS). */
    public static TokenRequest clientCredentials(List<String> scopes) {
        return new TokenRequest(CLIENT_CREDENTIALS, null, null, null, List.of(), scopes, Map.of());
    }

    /** The form parameters, as sent. */
    public MultivaluedMap<String, String> parameters() {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        form.add("grant_type", grantType);
        if (subjectToken != null) {
            form.add("subject_token", subjectToken);
        }
        if (subjectTokenType != null) {
            form.add("subject_token_type", subjectTokenType);
        }
        if (resource != null) {
            form.add("resource", resource);
        }
        audiences.forEach(audience -> form.add("audience", audience));
        if (!scopes.isEmpty()) {
            form.add("scope", String.join(" ", scopes));
        }
        extraParameters.forEach(form::add);
        return form;
    }

    @Override
    public String toString() {
        return "TokenRequest[grantType=" + grantType + ", resource=" + resource + ", audiences=" + audiences
                + ", scopes=" + scopes + ", extraParameters=" + extraParameters.keySet() + "]";
    }
}
