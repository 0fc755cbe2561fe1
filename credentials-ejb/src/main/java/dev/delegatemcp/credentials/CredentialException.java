package dev.delegatemcp.credentials;

import jakarta.ejb.ApplicationException;

/**
 * A request for a downstream credential that did not yield one, from the STS (token exchange, client credentials)
 * or the token vault, with the reason as the service told it (RFC 6749 section 5.2 error code, vault error code,
 * HTTP status) or as this server saw it (unreachable, timed out). Each reason has its own subclass, so callers and
 * Fault Tolerance policies can tell them apart ({@link Unavailable} alone is retried). The message is for the log:
 * it never holds a token or secret. An application exception: the EJB container passes it on as it is.
 */
@ApplicationException(inherited = true, rollback = false)
public class CredentialException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why no credential was obtained. */
    public enum Reason {
        /** Policy denied the exchange (access_denied, or HTTP 403). */
        DENIED,
        /** The requested resource, audience or scope is not known or not available (invalid_target, invalid_scope). */
        INVALID_TARGET,
        /** This server's own client is not allowed or misconfigured at the STS (unauthorized_client, invalid_client). */
        CLIENT_UNAUTHORIZED,
        /** The caller's token was not accepted by the STS (invalid_grant, invalid token). */
        INVALID_SUBJECT_TOKEN,
        /**
         * The user or tenant has not connected the service at the token vault, or the stored token lacks the
         * required scopes: the user can fix it by connecting (adaptive connect).
         */
        NOT_CONNECTED,
        /** The STS or vault could not be reached, timed out, or answered with a server error (5xx, 429). */
        UNAVAILABLE,
        /** Any other failure. */
        FAILED
    }

    private final Reason reason;
    private final String errorCode;
    private int httpStatus;

    CredentialException(Reason reason, String errorCode, String message) {
        super(message, null, false, false);
        this.reason = reason;
        this.errorCode = errorCode;
    }

    /** The exception for a reason: a {@link Denied}, {@link InvalidTarget}, ... */
    public static CredentialException of(Reason reason, String errorCode, String message) {
        return switch (reason) {
            case DENIED -> new Denied(errorCode, message);
            case INVALID_TARGET -> new InvalidTarget(errorCode, message);
            case CLIENT_UNAUTHORIZED -> new ClientUnauthorized(errorCode, message);
            case INVALID_SUBJECT_TOKEN -> new InvalidSubjectToken(errorCode, message);
            case NOT_CONNECTED -> new NotConnected(errorCode, message);
            case UNAVAILABLE -> new Unavailable(errorCode, message);
            case FAILED -> new CredentialException(Reason.FAILED, errorCode, message);
        };
    }

    /** Policy denied the exchange. */
    public static final class Denied extends CredentialException {
        private static final long serialVersionUID = 1L;

        Denied(String errorCode, String message) {
            super(Reason.DENIED, errorCode, message);
        }
    }

    /** The target (resource, audience, scope) is unknown or not available to this server. */
    public static final class InvalidTarget extends CredentialException {
        private static final long serialVersionUID = 1L;

        InvalidTarget(String errorCode, String message) {
            super(Reason.INVALID_TARGET, errorCode, message);
        }
    }

    /** This server's own client is unknown, has a wrong secret, or may not exchange tokens. */
    public static final class ClientUnauthorized extends CredentialException {
        private static final long serialVersionUID = 1L;

        ClientUnauthorized(String errorCode, String message) {
            super(Reason.CLIENT_UNAUTHORIZED, errorCode, message);
        }
    }

    /** The caller's token was not accepted by the STS. */
    public static final class InvalidSubjectToken extends CredentialException {
        private static final long serialVersionUID = 1L;

        InvalidSubjectToken(String errorCode, String message) {
            super(Reason.INVALID_SUBJECT_TOKEN, errorCode, message);
        }
    }

    /** No stored credential for the user or tenant (or not with the required scopes): connecting fixes it. */
    public static final class NotConnected extends CredentialException {
        private static final long serialVersionUID = 1L;

        NotConnected(String errorCode, String message) {
            super(Reason.NOT_CONNECTED, errorCode, message);
        }
    }

    /** The STS or vault could not be reached, timed out, or answered with a server error: safe to retry. */
    public static final class Unavailable extends CredentialException {
        private static final long serialVersionUID = 1L;

        public Unavailable(String errorCode, String message) {
            super(Reason.UNAVAILABLE, errorCode, message);
        }
    }

    /** Records the HTTP status of the answer that caused it (a response exception mapper does). */
    CredentialException withHttpStatus(int status) {
        httpStatus = status;
        return this;
    }

    /** The HTTP status of the answer that caused it, or 0 when it did not come from an HTTP answer. */
    int httpStatus() {
        return httpStatus;
    }

    public Reason reason() {
        return reason;
    }

    /** The error code the STS ({@code error}, RFC 6749 section 5.2) or the vault ({@code errorCode}) sent, or null. */
    public String errorCode() {
        return errorCode;
    }
}
