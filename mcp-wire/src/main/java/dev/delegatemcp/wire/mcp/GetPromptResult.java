package dev.delegatemcp.wire.mcp;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The result of {@code prompts/get} (MCP 2025-11-25 schema: GetPromptResult).
 *
 * @param description a description of this rendering of the prompt, or null
 * @param messages the prompt's messages, in order
 */
@JsonbPropertyOrder({"description", "messages"})
public record GetPromptResult(String description, List<PromptMessage> messages) {
}
