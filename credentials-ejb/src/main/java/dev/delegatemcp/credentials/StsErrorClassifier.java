package dev.delegatemcp.credentials;

import java.util.Locale;

/** Maps an STS error answer (HTTP status and RFC 6749 section 5.2 body) to a {@link StsException.Reason}. */
public final class StsErrorClassifier {

    private StsErrorClassifier() {
    }

    public static StsException.Reason classify(int status, String error, String description) {
        String code = error == null ? "" : error;
        String text = description == null ? "" : description.toLowerCase(Locale.ROOT);
        if (status >= 500 || status == 429) {
            return StsException.Reason.UNAVAILABLE;
        }
        switch (code) {
            case "access_denied":
                return StsException.Reason.DENIED;
            case "invalid_target":
            case "invalid_scope":
                return StsException.Reason.INVALID_TARGET;
            case "unauthorized_client":
            case "invalid_client":
                return StsException.Reason.CLIENT_UNAUTHORIZED;
            case "invalid_grant":
                return StsException.Reason.INVALID_SUBJECT_TOKEN;
            case "invalid_request":
                // Keycloak words these as invalid_request; the description tells them apart.
                if (text.contains("audience not available") || text.contains("invalid audience")) {
                    return StsException.Reason.INVALID_TARGET;
                }
                if (text.contains("invalid token") || text.contains("subject_token")) {
                    return StsException.Reason.INVALID_SUBJECT_TOKEN;
                }
                if (text.contains("not enabled") || text.contains("client")) {
                    return StsException.Reason.CLIENT_UNAUTHORIZED;
                }
                return StsException.Reason.FAILED;
            default:
                if (status == 401) {
                    return StsException.Reason.CLIENT_UNAUTHORIZED;
                }
                return status == 403 ? StsException.Reason.DENIED : StsException.Reason.FAILED;
        }
    }
}
