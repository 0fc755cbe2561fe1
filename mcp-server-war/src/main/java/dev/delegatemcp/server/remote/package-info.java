/**
 * The client of remote MCP servers (Streamable HTTP; MCP 2026-07-28 with servers that speak it, found by
 * {@code server/discover}, else MCP 2025-11-25), handed to tools as
 * {@link dev.delegatemcp.api.RemoteMcpServer}. Uses only the api and wire modules; used by {@code downstream} and
 * {@code proxy}.
 */
package dev.delegatemcp.server.remote;
