package dev.delegatemcp.api.interaction;

import java.util.List;
import java.util.Objects;

import dev.delegatemcp.api.Content;

/**
 * What to ask the client's model (MCP 2025-11-25 schema: CreateMessageRequest params).
 *
 * @param messages the conversation so far, at least one message
 * @param systemPrompt a system prompt the client may use, or null
 * @param maxTokens the most tokens the model may produce (the spec's required {@code maxTokens}), at least 1
 * @param temperature sampling temperature, or null for the client's choice
 * @param stopSequences sequences that end the generation; may be empty
 * @param modelHints model name hints in order of preference (MCP ModelPreferences.hints), may be empty
 */
public record SamplingRequest(List<Message> messages, String systemPrompt, int maxTokens, Double temperature,
        List<String> stopSequences, List<String> modelHints) {

    public SamplingRequest {
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("a sampling request needs at least one message");
        }
        if (maxTokens < 1) {
            throw new IllegalArgumentException("maxTokens must be at least 1");
        }
        stopSequences = stopSequences == null ? List.of() : List.copyOf(stopSequences);
        modelHints = modelHints == null ? List.of() : List.copyOf(modelHints);
    }

    /** One user message of text. */
    public static SamplingRequest of(String userText, int maxTokens) {
        return new SamplingRequest(List.of(Message.user(Content.text(userText))), null, maxTokens, null, List.of(),
                List.of());
    }

    /** This request with a system prompt. */
    public SamplingRequest withSystemPrompt(String prompt) {
        return new SamplingRequest(messages, prompt, maxTokens, temperature, stopSequences, modelHints);
    }

    /** This request with a temperature. */
    public SamplingRequest withTemperature(double value) {
        return new SamplingRequest(messages, systemPrompt, maxTokens, value, stopSequences, modelHints);
    }

    /** This request with model name hints, most preferred first. */
    public SamplingRequest withModelHints(String... hints) {
        return new SamplingRequest(messages, systemPrompt, maxTokens, temperature, stopSequences, List.of(hints));
    }

    /** Who speaks a message. */
    public enum Role {
        USER, ASSISTANT
    }

    /**
     * One message of the conversation.
     *
     * @param content text, an image or audio ({@link Content.Resource} is not allowed in sampling)
     */
    public record Message(Role role, Content content) {
        public Message {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(content, "content");
            if (content instanceof Content.Resource) {
                throw new IllegalArgumentException("sampling messages hold text, images or audio");
            }
        }

        public static Message user(Content content) {
            return new Message(Role.USER, content);
        }

        public static Message assistant(Content content) {
            return new Message(Role.ASSISTANT, content);
        }
    }
}
