package dev.delegatemcp.wire.mcp;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A URL-mode elicitation (MCP 2025-11-25, Client features: Elicitation, URL mode): the client shows the user a URL to
 * open, e.g. to connect a service.
 *
 * @param mode always {@code "url"}
 * @param elicitationId an id unique to this elicitation
 * @param url where the user goes
 * @param message why, in one sentence for the user
 */
@JsonbPropertyOrder({"mode", "elicitationId", "url", "message"})
public record UrlElicitation(String mode, String elicitationId, String url, String message) {

    public static UrlElicitation of(String elicitationId, String url, String message) {
        return new UrlElicitation("url", elicitationId, url, message);
    }
}
