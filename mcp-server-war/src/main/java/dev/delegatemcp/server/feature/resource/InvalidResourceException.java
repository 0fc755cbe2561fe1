package dev.delegatemcp.server.feature.resource;

/** A resource method that cannot be served; the message names the method and says what to change. */
public class InvalidResourceException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InvalidResourceException(String message) {
        super(message);
    }
}
