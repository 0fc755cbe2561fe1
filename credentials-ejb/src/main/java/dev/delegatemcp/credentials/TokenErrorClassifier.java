package dev.delegatemcp.credentials;

import java.util.Locale;

/**
 * Classifies a token endpoint error answer (HTTP status and RFC 6749 section 5.2 {@code error} and
 * {@code error_description}; RFC 8693 section 2.2.2) into a {@link CredentialException.Reason}. Keycloak words some
 * errors as {@code invalid_request}: the description tells them apart.
 */
public final class TokenErrorClassifier {

    private TokenErrorClassifier() {
    }

    public static CredentialException.Reason classify(int status, String error, String description) {
        String code = error == null ? "" : error;
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (status >= 500 || status == 429) {
            return CredentialException.Reason.UNAVAILABLE;
        }
        switch (code) {
            case "access_denied":
                return CredentialException.Reason.DENIED;
            case "invalid_target":
            case "invalid_scope":
                return CredentialException.Reason.INVALID_TARGET;
            case "unauthorized_client":
            case "invalid_client":
                return CredentialException.Reason.CLIENT_UNAUTHORIZED;
            case "invalid_grant":
                return CredentialException.Reason.INVALID_SUBJECT_TOKEN;
            case "invalid_request":
                // Keycloak words these as invalid_request; the description tells them apart.
                if (text.contains("audience not available") || text.contains("invalid audience")) {
                    return CredentialException.Reason.INVALID_TARGET;
                }
                if (text.contains("invalid token") || text.contains("subject_token")) {
                    return CredentialException.Reason.INVALID_SUBJECT_TOKEN;
                }
                if (text.contains("not enabled") || text.contains("client")) {
                    return CredentialException.Reason.CLIENT_UNAUTHORIZED;
                }
                return CredentialException.Reason.FAILED;
            default:
                if (status == 401) {
                    return CredentialException.Reason.CLIENT_UNAUTHORIZED;
                }
                return status == 403 ? CredentialException.Reason.DENIED : CredentialException.Reason.FAILED;
        }
    }
}
