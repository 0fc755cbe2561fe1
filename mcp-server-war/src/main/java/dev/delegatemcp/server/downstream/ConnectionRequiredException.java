package dev.delegatemcp.server.downstream;

import java.util.Optional;

import dev.delegatemcp.api.ToolCallException;

/**
 * The caller (or the caller's tenant) has not connected a downstream service, or not with the scopes the tool needs.
 * Clients that handle URL-mode elicitation get a -32042 error carrying the connect URL; others get a tool result with
 * {@code isError: true} whose text (this message) holds the URL and what to do.
 */
public class ConnectionRequiredException extends ToolCallException {

    private static final long serialVersionUID = 1L;

    private final String target;
    private final String connectUrl;
    private final String elicitationMessage;

    ConnectionRequiredException(String target, String connectUrl, String userMessage, String elicitationMessage) {
        super(userMessage);
        this.target = target;
        this.connectUrl = connectUrl;
        this.elicitationMessage = elicitationMessage;
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
