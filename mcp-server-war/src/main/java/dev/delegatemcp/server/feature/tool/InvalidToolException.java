package dev.delegatemcp.server.feature.tool;

/** A tool method that cannot be served; the message names the method and says what to change. */
public class InvalidToolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidToolException(String message) {
        super(message);
    }
}
