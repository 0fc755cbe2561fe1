package dev.delegatemcp.wire.mcp;

import java.util.List;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The params of {@code sampling/createMessage} (MCP 2025-11-25, Client features, Sampling; schema
 * CreateMessageRequestParams), as this server sends them.
 *
 * @param messages the conversation, at least one message
 * @param modelPreferences hints for the client's choice of model, or null
 * @param systemPrompt or null
 * @param temperature or null
 * @param maxTokens the most tokens to sample
 * @param stopSequences or null
 */
@JsonbPropertyOrder({"messages", "modelPreferences", "systemPrompt", "temperature", "maxTokens", "stopSequences"})
public record CreateMessageParams(List<SamplingMessage> messages, ModelPreferences modelPreferences,
        String systemPrompt, Double temperature, int maxTokens, List<String> stopSequences) {

    /** One message: its role ({@code user} or {@code assistant}) and a text, image or audio content block. */
    @JsonbPropertyOrder({"role", "content"})
    public record SamplingMessage(String role, ContentBlock content) {
    }

    /** Model name hints in order of preference (schema ModelPreferences; the priorities are not sent). */
    public record ModelPreferences(List<ModelHint> hints) {
    }

    /** A model name, or part of one. */
    public record ModelHint(String name) {
    }
}
