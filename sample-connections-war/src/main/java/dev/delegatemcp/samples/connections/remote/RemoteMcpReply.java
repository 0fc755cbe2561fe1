package dev.delegatemcp.samples.connections.remote;

import jakarta.json.JsonObject;

/**
 * The HTTP answer to one POSTed JSON-RPC message.
 *
 * @param status    the HTTP status
 * @param body      the JSON-RPC response, or null (202 to a notification)
 * @param sessionId the new {@code Mcp-Session-Id} (initialize), else null
 */
public record RemoteMcpReply(int status, JsonObject body, String sessionId) {

    static RemoteMcpReply accepted() {
        return new RemoteMcpReply(202, null, null);
    }

    static RemoteMcpReply ok(JsonObject body) {
        return new RemoteMcpReply(200, body, null);
    }

    static RemoteMcpReply status(int status, JsonObject body) {
        return new RemoteMcpReply(status, body, null);
    }
}
