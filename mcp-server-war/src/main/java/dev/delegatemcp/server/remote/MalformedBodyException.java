package dev.delegatemcp.server.remote;

/**
 * A body (or one server-sent event) that is not what MCP allows: not JSON, not one JSON-RPC message object, or
 * larger than the limit. Carries no message and no stack trace, so nothing of the body reaches a message or a log;
 * the caller turns it into {@link RemoteMcpFailures#notMcp()}.
 */
final class MalformedBodyException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedBodyException() {
        super(null, null, false, false);
    }
}
