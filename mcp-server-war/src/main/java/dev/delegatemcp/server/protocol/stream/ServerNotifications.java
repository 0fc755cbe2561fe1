package dev.delegatemcp.server.protocol.stream;

import dev.delegatemcp.wire.jsonrpc.JsonRpcNotification;

/**
 * Sends notifications that belong to no request (MCP 2025-11-25, Streamable HTTP, Listening for messages from the
 * server): list changes and resource updates. Each goes on one of the session's open GET streams; when the session
 * has none open, it is kept (bounded) for the next stream or resumption.
 */
public interface ServerNotifications {

    /** Sends to one session; nothing happens when the session has ended. */
    void toSession(String sessionId, JsonRpcNotification<?> notification);

    /** Sends to every live session, e.g. {@code notifications/tools/list_changed}. */
    void toAllSessions(JsonRpcNotification<?> notification);
}
