package dev.delegatemcp.wire.mcp;

/**
 * The params of {@code notifications/elicitation/complete} (MCP 2025-11-25, Elicitation, URL mode, Completion
 * notifications).
 *
 * @param elicitationId the id of the URL elicitation whose out-of-band interaction finished
 */
public record ElicitationCompleteParams(String elicitationId) {
}
