package dev.delegatemcp.api.interaction;

import java.util.List;

/** The client's roots ({@code roots/list}, MCP 2025-11-25, Client features, Roots). */
public interface Roots {

    /** Whether the client declared the {@code roots} capability. */
    boolean supported();

    /**
     * Asks the client for its roots and waits for them, for at most {@code mcp.interaction.timeout}.
     *
     * @throws ClientInteractionException when the client did not declare roots, refused, or did not answer in time
     * @throws RequestCancelledException when the client cancelled the request being served meanwhile
     */
    List<Root> list();

    /**
     * One root.
     *
     * @param uri a {@code file://} URI
     * @param name a name for display, or null
     */
    record Root(String uri, String name) {
    }
}
