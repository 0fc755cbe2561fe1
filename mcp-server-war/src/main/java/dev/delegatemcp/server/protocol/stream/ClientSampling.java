package dev.delegatemcp.server.protocol.stream;

import java.util.ArrayList;
import java.util.List;

import dev.delegatemcp.api.Content;
import dev.delegatemcp.api.interaction.ClientInteractionException;
import dev.delegatemcp.api.interaction.Sampling;
import dev.delegatemcp.api.interaction.SamplingRequest;
import dev.delegatemcp.api.interaction.SamplingResult;
import dev.delegatemcp.server.ContentBlocks;
import dev.delegatemcp.wire.mcp.CreateMessageParams;
import dev.delegatemcp.wire.mcp.McpMethods;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

/** {@code sampling/createMessage} to the client (MCP 2025-11-25, Client features, Sampling). */
final class ClientSampling implements Sampling {

    private final boolean supported;
    private final ClientQuestions channel;
    private final RequestCancellation cancellation;

    ClientSampling(boolean supported, ClientQuestions channel, RequestCancellation cancellation) {
        this.supported = supported;
        this.channel = channel;
        this.cancellation = cancellation;
    }

    @Override
    public boolean supported() {
        return supported;
    }

    @Override
    public SamplingResult createMessage(SamplingRequest request) {
        if (!supported) {
            throw new ClientInteractionException(ClientInteractionException.Reason.NOT_SUPPORTED,
                    "This client cannot lend its model to the server (it did not declare the sampling capability).",
                    "sampling");
        }
        JsonObject result = ClientReplies.result(
                channel.ask(McpMethods.SAMPLING_CREATE_MESSAGE, params(request), cancellation, "sampling"),
                "sampling");
        return read(result);
    }

    static CreateMessageParams params(SamplingRequest request) {
        List<CreateMessageParams.SamplingMessage> messages = request.messages().stream()
                .map(message -> new CreateMessageParams.SamplingMessage(
                        message.role().name().toLowerCase(java.util.Locale.ROOT),
                        ContentBlocks.of(message.content())))
                .toList();
        CreateMessageParams.ModelPreferences preferences = request.modelHints().isEmpty() ? null
                : new CreateMessageParams.ModelPreferences(
                        request.modelHints().stream().map(CreateMessageParams.ModelHint::new).toList());
        return new CreateMessageParams(messages, preferences, request.systemPrompt(), request.temperature(),
                request.maxTokens(), request.stopSequences().isEmpty() ? null : request.stopSequences());
    }

    /**
     * The client's CreateMessageResult: its role, its content (one text, image or audio block, alone or as a list of
     * one), its model and stop reason.
     *
     * @throws ClientInteractionException (REFUSED) for anything else
     */
    static SamplingResult read(JsonObject result) {
        SamplingRequest.Role role;
        if (!(result.get("role") instanceof JsonString roleName)) {
            throw ClientReplies.malformed("sampling");
        }
        switch (roleName.getString()) {
            case "user" -> role = SamplingRequest.Role.USER;
            case "assistant" -> role = SamplingRequest.Role.ASSISTANT;
            default -> throw ClientReplies.malformed("sampling");
        }
        Content read;
        if (result.get("content") instanceof JsonArray list) {
            // A SamplingMessage may hold a list of blocks (2025-11-25 and 2026-07-28); a SamplingResult holds one:
            // the texts joined by a blank line when all are text, else the first block this server can read (tool
            // use and tool result blocks are not; a list of only those is unreadable).
            List<Content> blocks = new ArrayList<>();
            for (JsonValue block : list) {
                Content one = block(block);
                if (one != null) {
                    blocks.add(one);
                }
            }
            if (blocks.isEmpty()) {
                throw ClientReplies.malformed("sampling");
            }
            read = blocks.size() > 1 && blocks.stream().allMatch(Content.Text.class::isInstance)
                    ? new Content.Text(String.join("\n\n",
                            blocks.stream().map(text -> ((Content.Text) text).text()).toList()))
                    : blocks.get(0);
        } else {
            read = block(result.get("content"));
        }
        if (read == null) {
            throw ClientReplies.malformed("sampling");
        }
        return new SamplingResult(role, read, string(result, "model"), string(result, "stopReason"));
    }

    /** A text, image or audio block; null for anything else. */
    private static Content block(JsonValue block) {
        if (!(block instanceof JsonObject content) || !(content.get("type") instanceof JsonString type)) {
            return null;
        }
        return switch (type.getString()) {
            case "text" -> content.get("text") instanceof JsonString text ? new Content.Text(text.getString()) : null;
            case "image" -> binary(content, false);
            case "audio" -> binary(content, true);
            default -> null;
        };
    }

    private static Content binary(JsonObject content, boolean audio) {
        if (!(content.get("data") instanceof JsonString data)
                || !(content.get("mimeType") instanceof JsonString type)) {
            return null;
        }
        return audio ? new Content.Audio(data.getString(), type.getString())
                : new Content.Image(data.getString(), type.getString());
    }

    private static String string(JsonObject object, String name) {
        return object.get(name) instanceof JsonString value ? value.getString() : null;
    }
}
