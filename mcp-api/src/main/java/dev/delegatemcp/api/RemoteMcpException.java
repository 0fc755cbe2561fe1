package dev.delegatemcp.api;

/**
 * A remote MCP server could not be reached, refused the caller's credential, or answered with a protocol error. The
 * message is written for the end user and holds no token; left uncaught, it becomes a tool result with
 * {@code isError: true}.
 */
public class RemoteMcpException extends ToolCallException {

    private static final long serialVersionUID = 1L;

    public RemoteMcpException(String userMessage) {
        super(userMessage);
    }

    public RemoteMcpException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
