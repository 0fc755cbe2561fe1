package dev.delegatemcp.server.transport;

/**
 * An MCP session: created by initialize, owned by the subject that created it, ended by DELETE or eviction.
 *
 * @param id the session id sent in {@code Mcp-Session-Id} (secure random, visible ASCII)
 * @param owner the subject of the token that initialized the session; other subjects cannot use it
 * @param protocolVersion the protocol version negotiated at initialize
 */
public record McpSession(String id, String owner, String protocolVersion) {
}
