package dev.delegatemcp.server.protocol;

import jakarta.json.JsonObject;

/**
 * What the client declared it supports at initialize, as far as the server acts on it.
 *
 * @param urlElicitation the client handles URL-mode elicitation (MCP 2025-11-25 {@code elicitation.url}): it can
 *        show the user a URL to open, e.g. to connect a service, and answers -32042 errors that carry one
 */
public record ClientCapabilities(boolean urlElicitation) {

    /** A client that declared nothing optional. */
    public static final ClientCapabilities NONE = new ClientCapabilities(false);

    /** From the {@code capabilities} object of initialize's params. */
    public static ClientCapabilities from(JsonObject capabilities) {
        return new ClientCapabilities(capabilities.get("elicitation") instanceof JsonObject elicitation
                && elicitation.get("url") instanceof JsonObject);
    }
}
