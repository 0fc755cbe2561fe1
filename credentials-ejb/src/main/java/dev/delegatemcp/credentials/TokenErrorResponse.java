package dev.delegatemcp.credentials;

import jakarta.json.bind.annotation.JsonbProperty;

/**
 * A token endpoint error answer (RFC 6749 section 5.2), read by JSON-B; members may be missing.
 *
 * @param error {@code error}: the error code, e.g. {@code invalid_grant}, or null
 * @param errorDescription {@code error_description}: human-readable text, or null
 */
public record TokenErrorResponse(@JsonbProperty("error") String error,
        @JsonbProperty("error_description") String errorDescription) {
}
