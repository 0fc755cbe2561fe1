package dev.delegatemcp.server.feature.completion;

/** A completer method that cannot be served; the message names the method and says what to change. */
public class InvalidCompleterException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidCompleterException(String message) {
        super(message);
    }
}
