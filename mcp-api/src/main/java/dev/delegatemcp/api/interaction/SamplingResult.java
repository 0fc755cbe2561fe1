package dev.delegatemcp.api.interaction;

import java.util.Optional;

import dev.delegatemcp.api.Content;

/**
 * The client's answer to a sampling request (MCP 2025-11-25 schema: CreateMessageResult).
 *
 * @param role who speaks (normally {@link SamplingRequest.Role#ASSISTANT})
 * @param content the message: text, an image or audio
 * @param model the name of the model that answered
 * @param stopReason why the generation stopped ({@code endTurn}, {@code stopSequence}, {@code maxTokens} or another),
 *        or null
 */
public record SamplingResult(SamplingRequest.Role role, Content content, String model, String stopReason) {

    /** The text of the message, when it is text. */
    public Optional<String> text() {
        return content instanceof Content.Text text ? Optional.of(text.text()) : Optional.empty();
    }
}
