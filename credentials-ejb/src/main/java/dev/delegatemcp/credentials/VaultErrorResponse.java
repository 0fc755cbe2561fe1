package dev.delegatemcp.credentials;

/**
 * The vault's error answer (Descope: {@code errorCode}, {@code errorDescription}, {@code message}), read by JSON-B;
 * members may be missing.
 *
 * @param errorCode e.g. {@code E061104}, or null
 * @param errorDescription human-readable text, or null
 * @param message human-readable text, or null
 */
public record VaultErrorResponse(String errorCode, String errorDescription, String message) {

    /** {@code errorDescription}, else {@code message}, else null. */
    public String description() {
        return errorDescription != null ? errorDescription : message;
    }
}
