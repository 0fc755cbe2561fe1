package dev.delegatemcp.api.prompt;

import java.util.Objects;

import dev.delegatemcp.api.Content;

/**
 * One message of a prompt: who speaks and what (MCP 2025-11-25 schema: PromptMessage). The content is text, an image,
 * audio or an embedded resource ({@link Content}).
 *
 * @param role who speaks
 * @param content what is said
 */
public record PromptMessage(Role role, Content content) {

    /** Who speaks (MCP 2025-11-25 schema: Role). */
    public enum Role {
        /** The user: written as {@code "user"}. */
        USER,
        /** The assistant (the model): written as {@code "assistant"}. */
        ASSISTANT
    }

    public PromptMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    /** A user message of text. */
    public static PromptMessage user(String text) {
        return new PromptMessage(Role.USER, Content.text(text));
    }

    /** A user message with that content. */
    public static PromptMessage user(Content content) {
        return new PromptMessage(Role.USER, content);
    }

    /** An assistant message of text. */
    public static PromptMessage assistant(String text) {
        return new PromptMessage(Role.ASSISTANT, Content.text(text));
    }

    /** An assistant message with that content. */
    public static PromptMessage assistant(Content content) {
        return new PromptMessage(Role.ASSISTANT, content);
    }
}
