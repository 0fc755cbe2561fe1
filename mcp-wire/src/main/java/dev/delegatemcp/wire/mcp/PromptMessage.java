package dev.delegatemcp.wire.mcp;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One message of a prompt (MCP 2025-11-25 schema: PromptMessage).
 *
 * @param role who speaks: {@link #USER} or {@link #ASSISTANT} (schema: Role)
 * @param content one content block: text, image, audio, an embedded resource or a resource link
 */
@JsonbPropertyOrder({"role", "content"})
public record PromptMessage(String role, ContentBlock content) {

    /** The role of the user's messages. */
    public static final String USER = "user";
    /** The role of the assistant's (the model's) messages. */
    public static final String ASSISTANT = "assistant";
}
