/**
 * Requests without a session (MCP 2026-07-28, "modern" clients): each carries its revision and the client's
 * capabilities in {@code _meta}; results carry {@code resultType}, the server's identity and caching hints;
 * {@code server/discover}. Uses the protocol layer only.
 */
package dev.delegatemcp.server.protocol.stateless;
