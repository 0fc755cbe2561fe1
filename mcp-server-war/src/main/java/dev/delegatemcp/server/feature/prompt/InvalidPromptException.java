package dev.delegatemcp.server.feature.prompt;

/** A prompt method that cannot be served; the message names the method and says what to change. */
public class InvalidPromptException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidPromptException(String message) {
        super(message);
    }
}
