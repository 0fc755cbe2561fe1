package dev.delegatemcp.server.remote;

import jakarta.json.JsonObject;

/**
 * How requests reach one remote MCP server in the era it speaks: {@link RemoteMcpSession} (2025-11-25 and earlier,
 * {@code initialize} and a session) or {@link StatelessRemoteSession} (2026-07-28, every request self-contained);
 * {@link EraSelectingSession} picks between them. The caller begins each request on the shared
 * {@link RemoteCredential} first ({@link RemoteCredential#beginRequest()}).
 */
interface RemoteSession {

    /**
     * Sends a request and returns its {@code result} object, read as a complete result.
     *
     * @param method the MCP method ({@link dev.delegatemcp.wire.mcp.McpMethods})
     * @param params its params record (written by {@link dev.delegatemcp.wire.WireJson}), without {@code _meta}
     * @throws dev.delegatemcp.api.RemoteMcpException with the user's sentence when no result could be obtained
     */
    JsonObject request(String method, Object params);
}
