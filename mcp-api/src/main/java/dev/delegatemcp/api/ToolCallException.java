package dev.delegatemcp.api;

/**
 * Thrown by a tool to report a failure the end user can act on. The message becomes the text of a tool result with
 * {@code isError: true}, so it must be written for the user and must hold no secret. Any other exception thrown by a
 * tool becomes a generic error result; its details are never sent to the client.
 */
public class ToolCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ToolCallException(String userMessage) {
        super(userMessage);
    }

    public ToolCallException(String userMessage, Throwable cause) {
        super(userMessage, cause);
    }
}
