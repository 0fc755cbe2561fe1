package dev.delegatemcp.server.feature.resource;

import java.util.ArrayList;
import java.util.List;

import dev.delegatemcp.server.protocol.stream.ServerNotifications;
import dev.delegatemcp.wire.WireJson;
import dev.delegatemcp.wire.jsonrpc.JsonRpcNotification;

/** A {@link ServerNotifications} that records what was sent, as JSON, with its addressee. */
final class RecordingNotifications implements ServerNotifications {

    /** Each sent notification as {@code "<session>: <json>"}, {@code *} for all sessions. */
    final List<String> sent = new ArrayList<>();

    @Override
    public void toSession(String sessionId, JsonRpcNotification notification) {
        sent.add(sessionId + ": " + WireJson.toJson(notification));
    }

    @Override
    public void toAllSessions(JsonRpcNotification notification) {
        sent.add("*: " + WireJson.toJson(notification));
    }
}
