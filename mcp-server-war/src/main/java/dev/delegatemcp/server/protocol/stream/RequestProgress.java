package dev.delegatemcp.server.protocol.stream;

import dev.delegatemcp.api.interaction.Progress;
import dev.delegatemcp.wire.mcp.McpMethods;
import dev.delegatemcp.wire.mcp.ProgressParams;
import jakarta.json.JsonValue;

/**
 * {@code notifications/progress} for one request (MCP 2025-11-25, Utilities, Progress): sent with the request's
 * {@code progressToken}, on the request's stream; nothing when the client sent no token. The value must increase.
 */
final class RequestProgress implements Progress {

    private final JsonValue token;
    private final RequestChannel channel;
    private double last = Double.NEGATIVE_INFINITY;

    RequestProgress(JsonValue token, RequestChannel channel) {
        this.token = token;
        this.channel = channel;
    }

    @Override
    public boolean requested() {
        return token != null;
    }

    @Override
    public synchronized void report(double progress, Double total, String message) {
        if (!Double.isFinite(progress) || total != null && !Double.isFinite(total)) {
            throw new IllegalArgumentException("progress and total must be finite numbers");
        }
        if (progress <= last) {
            throw new IllegalArgumentException("progress must increase: " + progress + " after " + last);
        }
        last = progress;
        if (token != null) {
            channel.notify(McpMethods.PROGRESS, new ProgressParams(token, progress, total, message));
        }
    }
}
