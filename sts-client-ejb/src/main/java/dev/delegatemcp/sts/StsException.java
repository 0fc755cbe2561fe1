package dev.delegatemcp.sts;

/** A token exchange that did not yield a credential, with the reason as the STS told it. */
public class StsException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the exchange failed. */
    public enum Reason {
        /** Policy denied the exchange (access_denied, or HTTP 403). */
        DENIED,
        /** The requested resource, audience or scope is not known or not available (invalid_target, invalid_scope). */
        INVALID_TARGET,
        /** This server's own client is not allowed or misconfigured at the STS (unauthorized_client, invalid_client). */
        CLIENT_UNAUTHORIZED,
        /** The caller's token was not accepted by the STS (invalid_grant, invalid token). */
        INVALID_SUBJECT_TOKEN,
        /** The STS could not be reached or answered with a server error. */
        UNAVAILABLE,
        /** Any other failure. */
        FAILED
    }

    private final Reason reason;
    private final String stsError;

    public StsException(Reason reason, String stsError, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.stsError = stsError;
    }

    public Reason reason() {
        return reason;
    }

    /** The RFC 6749 {@code error} code the STS sent, or null. */
    public String stsError() {
        return stsError;
    }
}
