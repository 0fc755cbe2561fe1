package dev.delegatemcp.wire.mcp;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One argument a prompt accepts (MCP 2025-11-25 schema: PromptArgument). Its value, in {@code prompts/get}, is a
 * string.
 *
 * @param name the argument's name in {@code prompts/get}'s {@code arguments}
 * @param title a display name, or null
 * @param description what it means, or null
 * @param required whether {@code prompts/get} must carry it (null: absent, which the schema reads as false)
 */
@JsonbPropertyOrder({"name", "title", "description", "required"})
public record PromptArgument(String name, String title, String description, Boolean required) {
}
