package dev.delegatemcp.credentials;

import java.util.Locale;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Turns every token vault answer but HTTP 200 into a {@link CredentialException}, classified by the status and the
 * vault's error body ({@link VaultErrorResponse}; a body that is not such JSON counts as empty): 404 or a description
 * saying "not found" is {@code NOT_CONNECTED} (connecting fixes it), 401 {@code CLIENT_UNAUTHORIZED}, 403
 * {@code DENIED}, 429 and 5xx {@code UNAVAILABLE}, anything else {@code FAILED}. The exception carries the
 * {@code errorCode} and the status, never the body.
 */
public class TokenVaultErrorMapper implements ResponseExceptionMapper<CredentialException> {

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
        VaultErrorResponse error = ErrorBodies.parse(JSONB, body, VaultErrorResponse.class);
        String code = error == null ? null : error.errorCode();
        return CredentialException.of(classify(status, error == null ? null : error.description()), code,
                "The token vault refused the token request: HTTP " + status + (code == null ? "" : " " + code))
                .withHttpStatus(status);
    }

    static CredentialException.Reason classify(int status, String description) {
        if (status == 404 || (description != null && description.toLowerCase(Locale.ROOT).contains("not found"))) {
            return CredentialException.Reason.NOT_CONNECTED;
        }
        if (status == 401) {
            return CredentialException.Reason.CLIENT_UNAUTHORIZED;
        }
        if (status == 403) {
            return CredentialException.Reason.DENIED;
        }
        if (status == 429 || status >= 500) {
            return CredentialException.Reason.UNAVAILABLE;
        }
        return CredentialException.Reason.FAILED;
    }
}
