package dev.delegatemcp.server.protocol.roundtrip;

/**
 * A {@code requestState} that is not accepted (MCP 2026-07-28, Multi Round-Trip Requests, Server Requirements: state
 * that fails verification, belongs to another principal or request, or has lapsed is rejected). The message is a
 * sentence safe to show the client, e.g. as the message of a JSON-RPC -32602 Invalid params error; it never holds the
 * state, the user or key material. No cause is attached.
 */
public final class RequestStateRejectedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the state was rejected; each with the sentence the client is shown. */
    public enum Reason {
        /** Empty, over the size limit, not base64url, or too short to hold a sealed state. */
        MALFORMED("requestState was not issued by this server or was altered"),
        /** Well formed, but not sealed with a key of this server (or of its configuration), or altered. */
        UNVERIFIABLE("requestState was not issued by this server or was altered"),
        /** Sealed by this server, but its time to live has passed. */
        EXPIRED("requestState has expired; send the request again without it"),
        /** Sealed for another authenticated principal. */
        OTHER_SUBJECT("requestState belongs to another user"),
        /** Sealed for another request (another method, name or arguments). */
        OTHER_REQUEST("requestState belongs to another request");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        /** The sentence for the client. */
        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public RequestStateRejectedException(Reason reason) {
        super(reason.message(), null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
