package dev.delegatemcp.api;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.json.JsonObject;

/**
 * The result of a remote tool call.
 *
 * @param content the content items, in order
 * @param structuredContent the structured result, or null
 * @param isError whether the remote tool reported a failure
 */
public record RemoteToolResult(List<Content> content, JsonObject structuredContent, boolean isError) {

    public RemoteToolResult {
        content = List.copyOf(content);
    }

    /** The text items joined by newlines. */
    public String text() {
        return content.stream().filter(Content.Text.class::isInstance).map(item -> ((Content.Text) item).text())
                .collect(Collectors.joining("\n"));
    }

    /** This result as this server's own tool result: same content, same error flag. */
    public ToolResponse toResponse() {
        return new ToolResponse(content, isError);
    }
}
