package dev.delegatemcp.server.protocol.stream;

import dev.delegatemcp.server.protocol.session.McpSession;
import dev.delegatemcp.wire.jsonrpc.JsonRpcMessage;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/**
 * What the client sends that is not a request: notifications (MCP 2025-11-25: {@code notifications/cancelled} cancels
 * a request of the session; {@code initialized}, {@code roots/list_changed} and {@code progress} are taken note of)
 * and its responses to the server's requests, routed to the call waiting in the same session for the same subject.
 */
@ApplicationScoped
public class ClientMessages {

    @Inject
    InFlightRequests inFlight;

    @Inject
    OutgoingRequests outgoing;

    /** A notification of the session's client; never fails (a notification gets no answer). */
    public void notification(JsonRpcMessage notification, McpSession session) {
        if (McpMethods.CANCELLED.equals(notification.method())) {
            JsonValue requestId = notification.params().get("requestId");
            if (requestId instanceof JsonString || requestId instanceof JsonNumber) {
                inFlight.cancel(session.id(), requestId);
            }
        }
    }

    /**
     * A response of the session's client to a request of the server.
     *
     * @return false when no request of this session and subject waits for it
     */
    public boolean response(JsonRpcMessage response, McpSession session, String subject) {
        return outgoing.answer(session.id(), subject, response);
    }
}
