package dev.delegatemcp.api;

import java.util.List;

/**
 * A complete tool result: its content items and whether it reports an error. Return it from a tool for mixed
 * content; to report a failure the user can act on, prefer throwing {@link ToolCallException}.
 */
public record ToolResponse(List<Content> content, boolean isError) {

    public ToolResponse {
        content = List.copyOf(content);
    }

    /** A successful result with the given content items, in order. */
    public static ToolResponse of(Content... content) {
        return new ToolResponse(List.of(content), false);
    }

    /** An error result with one text item the end user can act on. */
    public static ToolResponse error(String message) {
        return new ToolResponse(List.of(Content.text(message)), true);
    }
}
