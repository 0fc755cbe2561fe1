package dev.delegatemcp.credentials;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every token endpoint answer but HTTP 200 into a {@link CredentialException}: the status and the RFC 6749
 * section 5.2 error body ({@code error}, {@code error_description}; a body that is not such JSON counts as empty)
 * are classified by {@link TokenErrorClassifier}. The exception carries the {@code error} code, never the body.
 */
public class TokenEndpointErrorMapper implements ResponseExceptionMapper<CredentialException> {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Override
    public boolean handles(int status, MultivaluedMap<String, Object> headers) {
        return status != 200;
    }

    @Override
    public CredentialException toThrowable(Response response) {
        return exceptionFor(response.getStatus(), ErrorBodies.text(response));
    }

    /** The exception for a status and the answer's body (null or any text). */
    static CredentialException exceptionFor(int status, String body) {
        TokenErrorResponse error = ErrorBodies.parse(JSONB, body, TokenErrorResponse.class);
        String code = error == null ? null : error.error();
        String description = error == null ? null : error.errorDescription();
        return CredentialException.of(TokenErrorClassifier.classify(status, code, description), code,
                "The STS refused the request: HTTP " + status + (code == null ? "" : " " + code))
                .withHttpStatus(status);
    }
}
