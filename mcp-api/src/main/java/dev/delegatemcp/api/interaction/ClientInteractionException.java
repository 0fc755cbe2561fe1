package dev.delegatemcp.api.interaction;

import java.util.Objects;

import dev.delegatemcp.api.ToolCallException;

/**
 * A request to the client (sampling, elicitation, roots) did not get an answer. The message is a sentence for the end
 * user; uncaught in a tool, it becomes the text of a result with {@code isError: true}.
 */
public class ClientInteractionException extends ToolCallException {

    private static final long serialVersionUID = 1L;

    /** Why there is no answer. */
    public enum Reason {
        /** The client did not declare the capability at initialize, so it was not asked. */
        NOT_SUPPORTED,
        /** The client did not answer within {@code mcp.interaction.timeout}. */
        TIMED_OUT,
        /** The client answered with a JSON-RPC error, or with a result that does not fit the request. */
        REFUSED,
        /** The request can no longer reach the client: its stream or session ended. */
        DISCONNECTED
    }

    private final Reason reason;

    public ClientInteractionException(Reason reason, String userMessage) {
        super(userMessage);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /** Why there is no answer. */
    public Reason reason() {
        return reason;
    }
}
