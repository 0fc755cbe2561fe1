package dev.delegatemcp.server.protocol;

import jakarta.json.JsonObject;

/**
 * What the client declared it supports at initialize, as far as the server acts on it (MCP 2025-11-25 schema:
 * ClientCapabilities).
 *
 * @param sampling the client answers {@code sampling/createMessage}
 * @param formElicitation the client shows forms ({@code elicitation.form}; an empty {@code elicitation} object means
 *        form mode too, for compatibility with 2025-06-18)
 * @param urlElicitation the client handles URL-mode elicitation ({@code elicitation.url}): it can show the user a URL
 *        to open, e.g. to connect a service, and answers -32042 errors that carry one
 * @param roots the client answers {@code roots/list}
 */
public record ClientCapabilities(boolean sampling, boolean formElicitation, boolean urlElicitation, boolean roots) {

    /** A client that declared nothing optional. */
    public static final ClientCapabilities NONE = new ClientCapabilities(false, false, false, false);

    /** A client that declared URL-mode elicitation only (or nothing, when false). */
    public static ClientCapabilities urlElicitationOnly(boolean urlElicitation) {
        return new ClientCapabilities(false, false, urlElicitation, false);
    }

    /** From the {@code capabilities} object of initialize's params. */
    public static ClientCapabilities from(JsonObject capabilities) {
        boolean form = false;
        boolean url = false;
        if (capabilities.get("elicitation") instanceof JsonObject elicitation) {
            url = elicitation.get("url") instanceof JsonObject;
            form = elicitation.get("form") instanceof JsonObject || !elicitation.containsKey("url");
        }
        return new ClientCapabilities(capabilities.get("sampling") instanceof JsonObject, form, url,
                capabilities.get("roots") instanceof JsonObject);
    }
}
