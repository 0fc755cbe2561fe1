package dev.delegatemcp.server.remote;

import dev.delegatemcp.api.DownstreamCredential;

/**
 * The caller's credential for one remote MCP server while one {@link StreamableHttpRemoteMcpServer} is used: the one
 * to send now, and the at most one fresh credential obtained per request after an HTTP 401 (MCP 2025-11-25,
 * Authorization: the client obtains a new token and retries). Shared by the era probe and the session of either era,
 * so a refresh made while probing counts for the request that caused the probe.
 *
 * <ul>
 * <li>{@link #beginRequest()} starts a request's budget: one refresh.</li>
 * <li>{@link #refresh()} asks {@link DownstreamCredential#refresh()}; a second refresh in the same request, or a
 * {@code null} credential, is "not accepted"; the refresh's own {@link dev.delegatemcp.api.ToolCallException} (the
 * credential service's sentence) passes through.</li>
 * <li>{@link #secrets()}: every secret sent so far (the first and the current one), to redact from remote
 * messages.</li>
 * </ul>
 * Not thread-safe: {@link StreamableHttpRemoteMcpServer} serializes the calls.
 */
final class RemoteCredential {

    private final RemoteMcpFailures failures;
    private final String firstSecret;
    private DownstreamCredential current;
    private boolean refreshed;

    RemoteCredential(DownstreamCredential credential, RemoteMcpFailures failures) {
        this.current = credential;
        this.failures = failures;
        this.firstSecret = credential.secret();
    }

    /** The credential to send now. */
    DownstreamCredential current() {
        return current;
    }

    /** A new request: it may refresh once. */
    void beginRequest() {
        refreshed = false;
    }

    /**
     * Replaces the credential with a fresh one after an HTTP 401.
     *
     * @throws dev.delegatemcp.api.RemoteMcpException "not accepted" when this request refreshed already, or no fresh
     *         credential came
     */
    void refresh() {
        if (refreshed) {
            throw failures.notAccepted();
        }
        refreshed = true;
        // A failure to obtain one is the credential service's own user sentence (ToolCallException): let it through.
        DownstreamCredential fresh = current.refresh();
        if (fresh == null) {
            throw failures.notAccepted();
        }
        current = fresh;
    }

    /** The secrets sent so far, to replace by {@code ***} in anything shown. */
    String[] secrets() {
        return new String[] {current.secret(), firstSecret};
    }
}
