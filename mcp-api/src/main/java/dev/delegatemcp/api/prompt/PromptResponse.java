package dev.delegatemcp.api.prompt;

import java.util.List;

/**
 * A complete prompt as {@code prompts/get} returns it: its messages and, optionally, a description of this rendering
 * (MCP 2025-11-25 schema: GetPromptResult). Return it from a {@link Prompt} method to give a description.
 *
 * @param description a description of the prompt as rendered, or null for none
 * @param messages the messages, in order
 */
public record PromptResponse(String description, List<PromptMessage> messages) {

    public PromptResponse {
        messages = List.copyOf(messages);
    }

    /** The messages, in order, without a description. */
    public static PromptResponse of(PromptMessage... messages) {
        return new PromptResponse(null, List.of(messages));
    }
}
