package dev.delegatemcp.samples.connections.remote;

import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcErrorResponse;
import dev.delegatemcp.wire.jsonrpc.JsonRpcResponse;

/**
 * The HTTP answer to one POSTed JSON-RPC message.
 *
 * @param status    the HTTP status
 * @param message   the JSON-RPC response ({@link JsonRpcResponse} or {@link JsonRpcErrorResponse}), or null (202 to a
 *                  notification)
 * @param sessionId the new {@code Mcp-Session-Id} (initialize), else null
 */
public record RemoteMcpReply(int status, Object message, String sessionId) {

    static RemoteMcpReply accepted() {
        return new RemoteMcpReply(202, null, null);
    }

    static RemoteMcpReply ok(Object message) {
        return new RemoteMcpReply(200, message, null);
    }

    static RemoteMcpReply status(int status, Object message) {
        return new RemoteMcpReply(status, message, null);
    }

    /** The {@code application/json} body: the message as JSON text, or null for none. */
    public String body() {
        return message == null ? null : WireJson.toJson(message);
    }
}
