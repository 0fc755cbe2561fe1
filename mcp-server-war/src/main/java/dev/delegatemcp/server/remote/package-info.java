/**
 * The client of remote MCP servers (MCP 2025-11-25 Streamable HTTP), handed to tools as
 * {@link dev.delegatemcp.api.RemoteMcpServer}. Uses only the api and wire modules; used by {@code downstream} and
 * {@code proxy}.
 */
package dev.delegatemcp.server.remote;
