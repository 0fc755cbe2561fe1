package dev.delegatemcp.wire.mcp;

import java.util.Map;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The result of {@code initialize} (MCP 2025-11-25 schema: InitializeResult).
 *
 * @param protocolVersion the revision the session speaks
 * @param capabilities what the server offers, by capability name ({@code tools}, {@code resources}, ...): each value
 *        a record or JSON-P object of that capability's options; insertion order is kept
 * @param serverInfo the server program
 * @param instructions how to use the server, for the model; null for none
 */
@JsonbPropertyOrder({"protocolVersion", "capabilities", "serverInfo", "instructions"})
public record InitializeResult(String protocolVersion, Map<String, Object> capabilities, Implementation serverInfo,
        String instructions) {
}
