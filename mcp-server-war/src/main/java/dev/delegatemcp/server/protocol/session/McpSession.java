package dev.delegatemcp.server.protocol.session;

import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.wire.mcp.ProtocolVersion;

/**
 * An MCP session: created by initialize, owned by the subject that created it, ended by DELETE or eviction.
 *
 * @param id the session id sent in {@code Mcp-Session-Id} (secure random, visible ASCII)
 * @param owner the subject of the token that initialized the session; other subjects cannot use it
 * @param protocolVersion the protocol version negotiated at initialize
 * @param clientCapabilities what the client declared it supports at initialize
 */
public record McpSession(String id, String owner, ProtocolVersion protocolVersion,
        ClientCapabilities clientCapabilities) {

    public McpSession(String id, String owner, ProtocolVersion protocolVersion) {
        this(id, owner, protocolVersion, ClientCapabilities.NONE);
    }
}
