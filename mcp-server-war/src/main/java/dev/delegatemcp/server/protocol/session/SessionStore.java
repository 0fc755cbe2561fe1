package dev.delegatemcp.server.protocol.session;

import java.util.Optional;

import dev.delegatemcp.server.protocol.ClientCapabilities;
import dev.delegatemcp.wire.mcp.ProtocolVersion;

/**
 * Where MCP sessions live. The in-memory implementation serves one Liberty instance; a distributed one can replace
 * it when several instances serve one URL.
 */
public interface SessionStore {

    /** Creates a session owned by {@code owner}, evicting idle or least recently used sessions to stay bounded. */
    McpSession create(String owner, ProtocolVersion protocolVersion, ClientCapabilities clientCapabilities);

    /** A session for a client that declared no optional capability. */
    default McpSession create(String owner, ProtocolVersion protocolVersion) {
        return create(owner, protocolVersion, ClientCapabilities.NONE);
    }

    /**
     * The live session with that id when {@code owner} owns it, marking it used; empty when unknown, ended, idle for
     * too long or someone else's. Someone else's session is left as it is: its idle timer and place in the eviction
     * order do not move.
     */
    Optional<McpSession> touchOwn(String id, String owner);

    /** Ends the session; returns whether it existed. */
    boolean remove(String id);

    /** The number of live sessions (ending the expired ones first). */
    int size();

    /**
     * The number of sessions held, those expired but not yet ended included, without ending any: for a metric read on
     * another thread, which must not end sessions there.
     */
    int count();
}
