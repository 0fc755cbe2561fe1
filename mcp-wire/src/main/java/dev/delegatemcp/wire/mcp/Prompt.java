package dev.delegatemcp.wire.mcp;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A prompt as {@code prompts/list} describes it (MCP 2025-11-25 schema: Prompt). Members not listed here
 * ({@code icons}, {@code _meta}) are ignored when read and not written.
 *
 * @param name the name {@code prompts/get} uses
 * @param title a display name, or null
 * @param description what the prompt provides, or null
 * @param arguments the arguments it accepts, in order (empty for none), or null when absent
 */
@JsonbPropertyOrder({"name", "title", "description", "arguments"})
public record Prompt(String name, String title, String description, List<PromptArgument> arguments) {
}
