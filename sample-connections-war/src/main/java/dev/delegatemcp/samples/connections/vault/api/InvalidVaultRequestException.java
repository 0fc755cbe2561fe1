package dev.delegatemcp.samples.connections.vault.api;

/** A vault API request body that is not what the operation needs; its message says what is wrong. */
public class InvalidVaultRequestException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidVaultRequestException(String message) {
        super(message);
    }
}
