package dev.delegatemcp.server.remote;

import dev.delegatemcp.api.RemoteMcpException;

/**
 * A stateless request was answered the way a legacy server answers (MCP 2026-07-28, Transports, Streamable HTTP,
 * Backward Compatibility): a 400 or 404 without a recognized modern JSON-RPC error, or an
 * {@code UnsupportedProtocolVersionError}. The cached era may be stale: {@link EraSelectingSession} probes again.
 * Carries the failure to show when the server still is modern. No message, no stack trace.
 */
final class NotModernAnswerException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient RemoteMcpException failure;

    /** @param failure the user's sentence for this answer, should the server turn out modern after all */
    NotModernAnswerException(RemoteMcpException failure) {
        super(null, null, false, false);
        this.failure = failure;
    }

    RemoteMcpException failure() {
        return failure;
    }
}
