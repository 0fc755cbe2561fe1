package dev.delegatemcp.server.schema;

/** A Java type that has no JSON Schema mapping; the message says which type and why. */
public class UnsupportedTypeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UnsupportedTypeException(String message) {
        super(message);
    }
}
