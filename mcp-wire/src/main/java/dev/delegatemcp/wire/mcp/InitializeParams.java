package dev.delegatemcp.wire.mcp;

import jakarta.json.JsonObject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The params of {@code initialize} as a client sends them (MCP 2025-11-25 schema: InitializeRequest).
 *
 * @param protocolVersion the newest revision the client speaks
 * @param capabilities what the client supports (ClientCapabilities), as sent
 * @param clientInfo the client program
 */
@JsonbPropertyOrder({"protocolVersion", "capabilities", "clientInfo"})
public record InitializeParams(String protocolVersion, JsonObject capabilities, Implementation clientInfo) {
}
