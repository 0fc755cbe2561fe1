package dev.delegatemcp.server.remote;

import dev.delegatemcp.api.RemoteMcpException;

/**
 * The {@link RemoteMcpException} for each way a call to one remote MCP server fails, each with its sentence from
 * {@link RemoteMcpMessages}: never a token, header, URL, HTTP status or stack trace in the message.
 */
final class RemoteMcpFailures {

    private final String target;

    /** @param target the logical target name shown to the user ("crm") */
    RemoteMcpFailures(String target) {
        this.target = target;
    }

    String target() {
        return target;
    }

    /** The answer is not a JSON-RPC/MCP message of the expected shape. No cause: nothing of the body is kept. */
    RemoteMcpException notMcp() {
        return new RemoteMcpException(RemoteMcpMessages.notMcp(target));
    }

    /** No answer (refused, reset, time-out, interrupted), or an event stream that ended before the response. */
    RemoteMcpException unreachable(Throwable cause) {
        return new RemoteMcpException(RemoteMcpMessages.unreachable(target), cause);
    }

    /** HTTP 401 after the one fresh credential, or a credential that cannot be sent as a header. */
    RemoteMcpException notAccepted() {
        return new RemoteMcpException(RemoteMcpMessages.notAccepted(target));
    }

    /** {@code initialize} answered with a protocol revision this client does not read. */
    RemoteMcpException unsupportedVersion() {
        return new RemoteMcpException(RemoteMcpMessages.unsupportedVersion(target));
    }

    /**
     * An {@code InputRequiredResult} ({@code resultType: "input_required"}, MCP 2026-07-28): nothing of it (its
     * questions, its {@code requestState}) is shown.
     */
    RemoteMcpException inputRequired() {
        return new RemoteMcpException(RemoteMcpMessages.inputRequired(target));
    }

    /**
     * A JSON-RPC error answer: the remote message, sanitized ({@link RemoteMcpMessages#refused}), with each of
     * {@code secrets} (the credentials sent) replaced by {@code ***}.
     */
    RemoteMcpException refused(String remoteMessage, String... secrets) {
        return new RemoteMcpException(RemoteMcpMessages.refused(target, remoteMessage, secrets));
    }

    /**
     * A non-2xx HTTP status without a JSON-RPC error: 401 not accepted, 403 forbidden, 408, 429 and 5xx unreachable,
     * anything else (3xx, other 4xx) not MCP.
     */
    RemoteMcpException forStatus(int status) {
        if (status == 401) {
            return notAccepted();
        }
        if (status == 403) {
            return new RemoteMcpException(RemoteMcpMessages.forbidden(target));
        }
        if (status == 408 || status == 429 || status >= 500) {
            return unreachable(null);
        }
        return notMcp();
    }
}
