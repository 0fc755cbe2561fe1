package dev.delegatemcp.wire.mcp;

import jakarta.json.JsonValue;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The params of {@code notifications/progress} (MCP 2025-11-25, Utilities, Progress).
 *
 * @param progressToken the token the client sent in the request's {@code _meta.progressToken} (a string or integer)
 * @param progress how far the work is; increases with each notification
 * @param total the value {@code progress} reaches when done, or null when unknown
 * @param message a human-readable sentence about the current step, or null
 */
@JsonbPropertyOrder({"progressToken", "progress", "total", "message"})
public record ProgressParams(JsonValue progressToken, double progress, Double total, String message) {
}
