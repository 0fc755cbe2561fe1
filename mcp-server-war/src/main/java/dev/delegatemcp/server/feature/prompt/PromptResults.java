package dev.delegatemcp.server.feature.prompt;

import java.util.List;
import java.util.Locale;

import dev.delegatemcp.api.prompt.PromptMessage;
import dev.delegatemcp.api.prompt.PromptResponse;
import dev.delegatemcp.server.ContentBlocks;
import dev.delegatemcp.wire.mcp.GetPromptResult;

/**
 * Turns what a prompt method returned into a {@link GetPromptResult} (MCP 2025-11-25, Prompts, Getting a Prompt):
 * {@code String} to one user text message, a {@link PromptMessage} or a list of them as they are, a
 * {@link PromptResponse} with its description.
 */
final class PromptResults {

    private PromptResults() {
    }

    /**
     * @throws IllegalStateException saying what is wrong (for the log) when the method returned null, a null message or
     *         something other than what the reader accepted
     */
    static GetPromptResult of(Object value) {
        if (value == null) {
            throw new IllegalStateException("a null result");
        }
        if (value instanceof String text) {
            return new GetPromptResult(null, List.of(wire(PromptMessage.user(text))));
        }
        if (value instanceof PromptMessage message) {
            return new GetPromptResult(null, List.of(wire(message)));
        }
        if (value instanceof PromptResponse response) {
            return new GetPromptResult(response.description(), messages(response.messages()));
        }
        if (value instanceof List<?> list) {
            return new GetPromptResult(null, messages(list));
        }
        throw new IllegalStateException("a result of type " + value.getClass().getName());
    }

    private static List<dev.delegatemcp.wire.mcp.PromptMessage> messages(List<?> messages) {
        return messages.stream().map(message -> {
            if (message instanceof PromptMessage promptMessage) {
                return wire(promptMessage);
            }
            throw new IllegalStateException(message == null ? "a null message"
                    : "a message of type " + message.getClass().getName());
        }).toList();
    }

    private static dev.delegatemcp.wire.mcp.PromptMessage wire(PromptMessage message) {
        return new dev.delegatemcp.wire.mcp.PromptMessage(message.role().name().toLowerCase(Locale.ROOT),
                ContentBlocks.of(message.content()));
    }
}
