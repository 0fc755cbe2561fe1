package dev.delegatemcp.wire.mcp;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The params of {@code notifications/message} (MCP 2025-11-25, Server utilities, Logging).
 *
 * @param level an RFC 5424 severity as MCP names it: {@code debug} .. {@code emergency}
 * @param logger the name of the logger, or null
 * @param data a string or any JSON value
 */
@JsonbPropertyOrder({"level", "logger", "data"})
public record LoggingMessageParams(String level, String logger, Object data) {
}
