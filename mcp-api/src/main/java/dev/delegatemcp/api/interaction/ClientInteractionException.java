package dev.delegatemcp.api.interaction;

import java.util.Objects;

import dev.delegatemcp.api.ToolCallException;

/**
 * A request to the client (sampling, elicitation, roots) did not get an answer. The message is a sentence for the end
 * user; uncaught in a tool, it becomes the text of a result with {@code isError: true}, except when the client did not
 * declare the capability and speaks MCP 2026-07-28: then the request fails with MissingRequiredClientCapability
 * (-32021) naming it, as that revision requires (Basic, {@code _meta}).
 */
public class ClientInteractionException extends ToolCallException {

    private static final long serialVersionUID = 1L;

    /** Why there is no answer. */
    public enum Reason {
        /** The client did not declare the capability (at initialize, or in the request's {@code _meta}): not asked. */
        NOT_SUPPORTED,
        /** The client did not answer within {@code mcp.interaction.timeout}. */
        TIMED_OUT,
        /** The client answered with a JSON-RPC error, or with a result that does not fit the request. */
        REFUSED,
        /** The request can no longer reach the client: its stream or session ended. */
        DISCONNECTED
    }

    private final Reason reason;
    private final String capability;

    public ClientInteractionException(Reason reason, String userMessage) {
        this(reason, userMessage, null);
    }

    /**
     * @param capability for {@code NOT_SUPPORTED}: the client capability that is missing, as a dotted path in
     *        ClientCapabilities, e.g. {@code sampling}, {@code elicitation.form}, {@code roots}; null when unknown
     */
    public ClientInteractionException(Reason reason, String userMessage, String capability) {
        super(userMessage);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.capability = capability;
    }

    /** For {@code NOT_SUPPORTED}: the missing client capability as a dotted path, e.g. {@code sampling}. */
    public java.util.Optional<String> missingCapability() {
        return java.util.Optional.ofNullable(capability);
    }

    /** Why there is no answer. */
    public Reason reason() {
        return reason;
    }
}
