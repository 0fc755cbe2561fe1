package dev.delegatemcp.api.interaction;

import java.util.Objects;
import java.util.Optional;

import dev.delegatemcp.api.ToolCallException;

/**
 * The user must act before the request can succeed: connect a service (or connect it with more scopes) at a URL.
 * Thrown by the {@code @Downstream} path when the caller, or the caller's tenant, has not connected the target yet;
 * a tool may throw it too. The tool does not decide how the client sees it: the server renders it per protocol
 * revision and client capability, as a -32042 URL elicitation error (MCP 2025-11-25, Elicitation, URL mode) for a
 * client that declared {@code elicitation.url} when a URL is known, otherwise as a tool result with
 * {@code isError: true} whose text is {@link #getMessage()}.
 */
public class ConnectionRequiredException extends ToolCallException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final String connectUrl;
    private final String elicitationMessage;

    /**
     * @param target the logical name of the service to connect (a {@code @Downstream} target), shown to the user
     * @param connectUrl where the user connects it (absolute https, or http on localhost), or null when none is known
     * @param userMessage the full sentence for a client that cannot open URLs itself: what to do, with the URL
     * @param elicitationMessage the short sentence shown beside the URL by a client that opens it itself
     */
    public ConnectionRequiredException(String target, String connectUrl, String userMessage,
            String elicitationMessage) {
        super(userMessage);
        this.target = Objects.requireNonNull(target, "target");
        this.connectUrl = connectUrl;
        this.elicitationMessage = Objects.requireNonNull(elicitationMessage, "elicitationMessage");
    }

    /** The logical target name. */
    public String target() {
        return target;
    }

    /** Where to connect; empty when none is configured (then only the message can help). */
    public Optional<String> connectUrl() {
        return Optional.ofNullable(connectUrl);
    }

    /** The short sentence shown beside the URL by a client that opens it itself. */
    public String elicitationMessage() {
        return elicitationMessage;
    }
}
